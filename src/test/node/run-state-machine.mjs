// Runs one execution of an Amazon States Language definition in aws-local-stepfunctions, an interpreter that is not
// ours, and prints what happened as one JSON line: {status, output | error + cause, states, invocations, maxPayload}.
//
//   node run-state-machine.mjs <interpreter module> <definition.json> <input json> <invoke url> <overrides json>
//
// Task states that use the Lambda service integration (arn:aws:states:::lambda:invoke) call <invoke url>, which hands
// the Payload to the packaged function (the test's local Lambda Runtime API) and answers with the function's result,
// or with its error and the header X-Amz-Function-Error, as Lambda's Invoke API does. The result is shaped as Step
// Functions shapes it ({Payload, StatusCode, ...}); a failure becomes an error named by the function's errorType whose
// cause is the function's error object as JSON, as Step Functions reports it. Like Step Functions, every state's input
// and output, and every task result, must stay within 256 KiB (States.DataLimitExceeded otherwise).

// aws-local-stepfunctions 3.0.0 targets Node 22; Node 20 lacks this one function of it
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modulePath, definitionPath, inputText, invokeUrl, overridesText] = process.argv.slice(2);
const { StateMachine } = await import(pathToFileURL(modulePath).href);
const definition = JSON.parse(readFileSync(definitionPath, 'utf8'));
const overrides = JSON.parse(overridesText || '{}');
const LIMIT = 256 * 1024;

let maxPayload = 0;
function measure(what, value) {
  const size = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  maxPayload = Math.max(maxPayload, size);
  if (size > LIMIT) {
    const error = new Error(`${what} is ${size} bytes, over the 256 KiB limit`);
    error.name = 'States.DataLimitExceeded';
    throw error;
  }
}

let invocations = 0;
async function invokeLambda(parameters) {
  invocations++;
  const response = await fetch(invokeUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(parameters.Payload ?? {}),
  });
  const body = await response.text();
  measure('the task result', body);
  if (response.headers.get('X-Amz-Function-Error')) {
    const failure = JSON.parse(body);
    const error = new Error(body);
    error.name = failure.errorType;
    throw error;
  }
  return { ExecutedVersion: '$LATEST', Payload: JSON.parse(body), StatusCode: 200 };
}

const taskResourceLocalHandlers = {};
for (const [name, state] of Object.entries(definition.States)) {
  if (state.Type === 'Task' && state.Resource === 'arn:aws:states:::lambda:invoke') {
    taskResourceLocalHandlers[name] = invokeLambda;
  }
}

const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });
const execution = machine.run(JSON.parse(inputText), {
  overrides: {
    taskResourceLocalHandlers,
    waitTimeOverrides: overrides.wait ?? {},
    retryIntervalOverrides: overrides.retry ?? {},
  },
});

const states = [];
let outcome = null;
try {
  for await (const event of execution.eventLogs) {
    if (event.type === 'StateEntered') {
      states.push(event.state.name);
      measure(`the input of ${event.state.name}`, event.state.input);
    } else if (event.type === 'StateExited') {
      measure(`the output of ${event.state.name}`, event.state.output);
    } else if (event.type === 'ExecutionSucceeded') {
      outcome = { status: 'SUCCEEDED', output: event.output };
    } else if (event.type === 'ExecutionFailed') {
      outcome = { status: 'FAILED', error: event.Error, cause: event.Cause };
    }
  }
  await execution.result.catch(() => {});
} catch (error) {
  outcome = { status: 'FAILED', error: error.name, cause: error.message };
}
console.log(JSON.stringify({ ...outcome, states, invocations, maxPayload }));
