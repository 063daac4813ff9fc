package org.zengzhi.engine;

/** Who an account belongs to (SPEC ). */
public enum OwnerKind {
    USER,
    MERCHANT,
    POOL,
    PLATFORM,
    EXTERNAL
}
