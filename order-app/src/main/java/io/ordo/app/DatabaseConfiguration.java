package io.ordo.app;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, Ordo runs its own PostgreSQL on
 * {@code ./data/postgres}. With one, Spring Boot's own DataSource configuration applies and this stays out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(
            @Value("${ordo.embedded.data-dir:./data}") String dataDir,
            @Value("${ordo.embedded.port:0}") int port,
            @Value("${ordo.embedded.shared-buffers:}") String sharedBuffers)
            throws IOException {
        Path directory = Path.of(dataDir, "postgres");
        String buffers = sharedBuffers.isBlank() ? EmbeddedPostgresServer.defaultSharedBuffers() : sharedBuffers;
        log.info(
                "No spring.datasource.url set: starting the embedded PostgreSQL, data in {}, shared_buffers {}",
                directory.toAbsolutePath().normalize(),
                buffers);
        return EmbeddedPostgresServer.start(directory, port, buffers);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("ordo-embedded");
        return dataSource;
    }
}
