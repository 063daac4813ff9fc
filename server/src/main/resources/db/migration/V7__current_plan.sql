-- The plan in force (after operator changes); plan_yaml stays the plan the tenant was created with, which
-- recovery starts from before replaying the journal's plan changes.
ALTER TABLE tenant ADD COLUMN current_plan_yaml TEXT;
