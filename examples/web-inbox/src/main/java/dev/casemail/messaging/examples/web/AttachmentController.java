package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.AttachmentView;
import dev.casemail.messaging.api.InvalidInputException;
import dev.casemail.messaging.api.NotFoundException;
import dev.casemail.messaging.api.OpenedAttachment;
import dev.casemail.messaging.api.ParticipantMessaging;
import dev.casemail.messaging.api.blob.ContentHash;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A file of a message, downloaded: streamed from the library as it is read, never whole in memory,
 * always as a download ({@code Content-Disposition: attachment}, the name as RFC 6266 {@code filename*}
 * with an ASCII {@code filename} beside it), with the type the library detected from the bytes and
 * {@code nosniff}, so a browser never renders an uploaded file as a page of this site. Whoever's
 * mailbox does not hold the message gets the 404 page, as for an unknown id.
 */
@Controller
class AttachmentController {

  @GetMapping("/messages/{id}/attachments/{hash}")
  ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable String hash,
      ParticipantMessaging mailbox) {
    ContentHash content;
    try {
      content = ContentHash.of(hash);
    } catch (InvalidInputException malformed) {
      throw new NotFoundException("attachment", hash);
    }
    OpenedAttachment opened = mailbox.openAttachment(Ids.message(id), content);
    AttachmentView file = opened.attachment();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDisposition(ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setCacheControl("private, no-store");
    headers.setContentLength(file.size());
    // Spring closes the resource's stream once it is copied to the response
    return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(file.contentType()))
        .body(new InputStreamResource(opened.content()));
  }
}
