package org.zengzhi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform server: {@code bin/zengzhi serve}. */
@SpringBootApplication
public class ZengzhiServer {
    public static void main(String[] args) {
        SpringApplication.run(ZengzhiServer.class, args);
    }
}
