package org.zengzhi.server.operator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.zengzhi.engine.plan.Plan;

/**
 * What a plan change changes (issue 19, item 8): every setting, by its path in the plan ({@code pool.exitMultiplePpm}),
 * whose value in the proposed plan differs from the plan in force. The plan is a tree of records, so the walk
 * covers every setting a later plan section adds without a list to keep up to date. A plan file that leaves a
 * section out gets that section's defaults: the diff shows them, which is the point — a one-line plan used to put
 * every omitted setting back to its default without a word.
 */
final class PlanDiff {
    /** One setting: its path, its value in force and its proposed value, as text. */
    record Change(String field, String inForce, String proposed) {
    }

    private PlanDiff() {
    }

    static List<Change> between(Plan inForce, Plan proposed) {
        List<Change> changes = new ArrayList<>();
        walk("", inForce, proposed, changes);
        return changes;
    }

    private static void walk(String path, Object inForce, Object proposed, List<Change> changes) {
        if (Objects.equals(inForce, proposed)) {
            return;
        }
        if (inForce != null && proposed != null && inForce.getClass().isRecord()
                && inForce.getClass() == proposed.getClass()) {
            for (RecordComponent component : inForce.getClass().getRecordComponents()) {
                String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
                walk(name, value(component, inForce), value(component, proposed), changes);
            }
            return;
        }
        changes.add(new Change(path, String.valueOf(inForce), String.valueOf(proposed)));
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("a plan record's accessor is public and does not throw", e);
        }
    }
}
