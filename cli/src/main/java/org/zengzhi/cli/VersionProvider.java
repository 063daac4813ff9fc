package org.zengzhi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** Reads the version Maven wrote into {@code version.properties} at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream stream = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (stream != null) {
                properties.load(stream);
            }
        }
        return new String[] { "zengzhi " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") };
    }
}
