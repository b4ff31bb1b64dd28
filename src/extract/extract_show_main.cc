// extract_show: prints what extraction keeps of one input — metadata, then the
// body paragraphs one per line. A debugging aid for the extraction rules:
//   extract_show PAGE.html[.gz] [URL]
// With a URL the page is extracted as if fetched from it (dates and canonical
// URL).
#include <cstdio>
#include <optional>
#include <string>

#include "extract/extract.h"
#include "ingest/ingest.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_show PAGE [URL]\n");
    return 2;
  }
  std::optional<dateline::Document> doc;
  std::string error;
  dateline::ReadInputs({argv[1]}, {},
                       [&](dateline::Result<dateline::Document> d) {
                         if (d.ok()) {
                           doc = std::move(d).value();
                         } else {
                           error = d.error().ToString();
                         }
                       });
  if (!doc) {
    std::fprintf(stderr, "extract_show: %s\n", error.c_str());
    return 1;
  }
  if (argc > 2) doc->url = argv[2];
  auto article = dateline::ExtractArticle(*doc);
  if (!article.ok()) {
    std::fprintf(stderr, "extract_show: %s\n",
                 article.error().ToString().c_str());
    return 1;
  }
  const dateline::Article& a = *article;
  std::printf("title: %s\nsection: %s\nauthors:", a.title.c_str(),
              a.section.c_str());
  for (const auto& n : a.authors) std::printf(" [%s]", n.c_str());
  std::printf("\ntags:");
  for (const auto& t : a.tags) std::printf(" [%s]", t.c_str());
  std::printf(
      "\npublished: %s (%s) %s\nlanguage: %s\ncanonical: %s\ndateline: %s\n",
      a.published ? a.published->ToIso().c_str() : "-",
      DateSourceName(a.published_source), a.published_text.c_str(),
      a.language.c_str(), a.canonical_url.c_str(), a.dateline.c_str());
  for (const auto& w : a.warnings) std::printf("warning: %s\n", w.c_str());
  std::printf("----\n");
  for (const auto& p : a.paragraphs) std::printf("%s\n", p.text.c_str());
  return 0;
}
