package org.zengzhi.engine;

/** Levels of the GB/T 2260 administrative division tree. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    DISTRICT
}
