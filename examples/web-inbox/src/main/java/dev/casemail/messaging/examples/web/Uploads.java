package dev.casemail.messaging.examples.web;

import dev.casemail.messaging.api.NewAttachment;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a multipart form as the library's {@link NewAttachment}s: each read from the part's own
 * stream when the library reads it (Spring keeps a large part in a temporary file, never whole in
 * memory). The library checks the rest: the name, the type it detects against the declared one, the
 * sizes and the quota.
 */
final class Uploads {

  private Uploads() {}

  /** The files chosen; a file input left empty sends a part with no name and no bytes, which is no file. */
  static List<NewAttachment> of(List<MultipartFile> files) {
    List<NewAttachment> attachments = new ArrayList<>();
    if (files == null) {
      return attachments;
    }
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename();
      if (file.isEmpty() && (name == null || name.isBlank())) {
        continue;
      }
      attachments.add(NewAttachment.of(lastPart(name == null ? "" : name),
          file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file::getInputStream));
    }
    return attachments;
  }

  /** Some browsers send the whole path the file was chosen from; the name is its last part. */
  private static String lastPart(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
