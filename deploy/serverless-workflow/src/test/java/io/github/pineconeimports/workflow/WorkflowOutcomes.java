package io.github.pineconeimports.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoWorkflowProcessInstance;

/**
 * What each finished workflow instance ended with: the engine keeps no finished instance without persistence, so the
 * test listens for the end, as any process event listener may.
 */
@ApplicationScoped
public class WorkflowOutcomes extends DefaultKogitoProcessEventListener {

    private final Map<String, Object> ended = new ConcurrentHashMap<>();

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        KogitoWorkflowProcessInstance instance = (KogitoWorkflowProcessInstance) event.getProcessInstance();
        ended.put(instance.getStringId(), instance.getVariable("workflowdata"));
    }

    /** The workflow data the instance ended with, or null while it runs. */
    public Object of(String id) {
        return ended.get(id);
    }
}
