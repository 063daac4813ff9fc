package org.zengzhi.server.tenants;

import java.util.Map;

import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * A tenant's application context, which reads each class file's metadata once for all tenants: component scanning
 * and configuration-class parsing (ASM reads of the server's and Spring Boot's classes, the costliest step of a
 * tenant's start) cache their {@link MetadataReader}s in {@link #getResourceCache}, one map per context by default.
 * Here that map is shared by every tenant context. It is safe to share: a reader describes a class file of the one
 * class path all tenants load from, holds no bean, property or tenant state, and is immutable; conditions and bean
 * definitions are still evaluated by each context on its own. Soft references let the JVM drop entries under
 * memory pressure (a tenant then reads the class again).
 */
final class TenantWebContext extends AnnotationConfigServletWebApplicationContext {
    private static final Map<Resource, MetadataReader> CLASS_METADATA = new ConcurrentReferenceHashMap<>(
            1024, ConcurrentReferenceHashMap.ReferenceType.SOFT);

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<Resource, T> getResourceCache(Class<T> valueType) {
        if (valueType == MetadataReader.class) {
            return (Map<Resource, T>) CLASS_METADATA;
        }
        return super.getResourceCache(valueType);
    }
}
