// Validates Kubernetes manifests against the API's schemas, as kubernetes-models (generated from the Kubernetes and
// Prometheus Operator OpenAPI schemas) knows them: node validate-manifests.mjs FILE...; prints one line per object,
// exits 1 if any object is invalid or of a kind it has no schema for. Run by scan/ManifestsIT.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

// where each API group's models live
const packages = {
  '': 'kubernetes-models',
  'apps': 'kubernetes-models',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      console.log(`${file}: not YAML: ${doc.errors[0].message}`);
      failed = true;
      continue;
    }
    const object = doc.toJS();
    if (object == null) continue;
    const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
    const name = `${file}: ${object.kind} ${object.metadata?.name}`;
    const pkg = packages[group];
    if (!pkg) {
      console.log(`${name}: no schema for API group '${group}'`);
      failed = true;
      continue;
    }
    try {
      const path = group === '' ? `${pkg}/${version}/${object.kind}` : `${pkg}/${group}/${version}/${object.kind}`;
      const model = await import(path);
      new model[object.kind](object).validate();
      console.log(`${name}: valid`);
    } catch (e) {
      console.log(`${name}: ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
