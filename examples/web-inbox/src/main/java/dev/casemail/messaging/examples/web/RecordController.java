package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.RecordExport;
import dev.casemail.messaging.api.RecordScope;
import dev.casemail.messaging.api.SignedTreeHead;
import dev.casemail.messaging.record.export.RecordPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Download my record": the signed-in participant exports their own record (every message, first
 * view, access event and earlier export, each provable against a newly signed head) as the PDF
 * {@code messaging-record-export} writes. Exporting is recorded in the record itself, so it is a POST.
 */
@Controller
class RecordController {

  @GetMapping("/record")
  String page(ParticipantMessaging mailbox, Model model) {
    SignedTreeHead head = mailbox.recordHead();
    model.addAttribute("head", head);
    return "record";
  }

  @PostMapping("/record/export")
  ResponseEntity<byte[]> export(ParticipantMessaging mailbox) {
    RecordExport export = mailbox.exportRecord(RecordScope.all());
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      RecordPdf.write(export, pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the record's PDF", e);
    }
    String file = "record-" + mailbox.participant().value().replaceAll("[^A-Za-z0-9._-]", "_")
        + "-export-" + export.export().exportNumber() + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(pdf.toByteArray());
  }
}
