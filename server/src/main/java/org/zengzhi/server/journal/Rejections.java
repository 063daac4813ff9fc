package org.zengzhi.server.journal;

import java.util.List;

import org.zengzhi.engine.Event;

/**
 * "Was the command rejected?", answered in one place. The engine answers a rejected command with exactly one
 * event, {@link Event.CommandRejected}, and changes nothing; every other answer means the command took effect.
 */
public final class Rejections {
    private Rejections() {
    }

    /** The rejection when the command was rejected (its only event), else null. */
    public static Event.CommandRejected of(List<Event> events) {
        return events.size() == 1 && events.get(0) instanceof Event.CommandRejected rejected ? rejected : null;
    }

    /** The rejection's code as the journal stores it, or null when the command was accepted. */
    public static String code(List<Event> events) {
        Event.CommandRejected rejected = of(events);
        return rejected == null ? null : rejected.code().name();
    }

    public static boolean rejected(List<Event> events) {
        return of(events) != null;
    }
}
