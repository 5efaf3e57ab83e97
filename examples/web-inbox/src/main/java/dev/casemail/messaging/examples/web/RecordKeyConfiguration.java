package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.RecordSigner;
import dev.casemail.messaging.examples.SampleRecordKey;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that signs the records' heads, kept in the data directory beside the H2 file, so that an
 * export after a restart is checked against the exports before it with the same key (the starter
 * picks up a {@link RecordSigner} bean). A demo's key only, as {@link SampleRecordKey} explains.
 */
@Configuration(proxyBeanMethods = false)
class RecordKeyConfiguration {

  @Bean
  RecordSigner recordSigner(@Value("${casemail.web.data-dir}") Path dataDir) {
    return SampleRecordKey.in(dataDir.toAbsolutePath().normalize()).signer();
  }
}
