// Article extraction: from a Document (page text or HTML) to an Article —
// title, section, authors, dateline, tags, publication date and the body
// paragraphs, with the page furniture (menus, captions, "Read More" links,
// bylines, copyright, app and radio lines, site maps) left out. Every paragraph
// keeps its byte offsets into the input.
//
// Thread-safe: ExtractArticle keeps no state between calls.
#ifndef DATELINE_EXTRACT_EXTRACT_H_
#define DATELINE_EXTRACT_EXTRACT_H_

#include <cstddef>

#include "core/article.h"
#include "core/document.h"
#include "core/error.h"

namespace dateline {

struct ExtractOptions {
  // Inputs larger than this are cut at the limit (on a code point boundary)
  // before parsing, and Article::warnings says so ("input cut at N bytes ...");
  // the pipeline copies it into the record's warnings. Ingest refuses documents
  // over its own, larger limit (IngestOptions::max_document_bytes, 32 MiB) with
  // an Error.
  size_t max_input_bytes = 16u << 20;
};

// Extracts the article from `doc` according to doc.kind (kPageText, kHtml or
// kText; kText keeps every non-empty paragraph as body). doc.published, when
// set, becomes Article::published with published_source "input". A document
// without article text gives an Article with an empty body; the call fails
// (Error::input = doc.input) only for a kind extraction cannot handle (kAuto,
// kJsonLines: ingest must resolve those). HTML nested deeper than 1500 elements
// keeps its markup up to that depth and only the text of the rest, with a
// warning on the article.
Result<Article> ExtractArticle(const Document& doc,
                               const ExtractOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_EXTRACT_EXTRACT_H_
