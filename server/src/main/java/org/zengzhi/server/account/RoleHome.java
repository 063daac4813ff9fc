package org.zengzhi.server.account;

/**
 * A role's home page as a feature contributes it (issue 20): the account package knows no economy, so the
 * green-points and four-party packages each say where a promoter of their model lands. {@link RoleHomes} asks the
 * contributions for the role first and falls back on its own defaults.
 */
public interface RoleHome {
    Role role();

    /** The path of the home page under the plan in force, or null when the plan is not this feature's model. */
    String path();
}
