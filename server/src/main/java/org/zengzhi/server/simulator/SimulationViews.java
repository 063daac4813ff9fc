package org.zengzhi.server.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.server.localize.PlanTime;

/** A run as the API and the page show it: state, and once done the model, figures and where the report is. */
final class SimulationViews {
    private SimulationViews() {
    }

    static Map<String, Object> view(SimulationRuns.Run run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", run.id());
        view.put("scenario", run.request().scenario());
        view.put("state", run.state().name());
        view.put("started", run.started().atZone(PlanTime.zone()).toOffsetDateTime().toString());
        if (run.state() == SimulationRuns.State.DONE) {
            view.put("model", run.report().model().name());
            view.put("name", run.report().name());
            view.put("millis", run.millis());
            view.put("figures", run.report().figures().stream().map(f -> Map.of("name", f.name(), "period", f.period(),
                    "value", f.value())).toList());
            view.put("report", "/console/operator/simulator/" + run.id() + "/report");
        } else if (run.state() == SimulationRuns.State.FAILED) {
            view.put("error", run.error());
        } else {
            view.put("figures", List.of());
        }
        return view;
    }
}
