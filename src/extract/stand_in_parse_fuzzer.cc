// libFuzzer target, differential: StandInParse must give gumbo's own tree of
// any input (tree_diff.h), whether it keeps the shorter text's parse or not.
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "extract/stand_in_parse.h"
#include "extract/tree_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 18)) return 0;
  const std::string html(reinterpret_cast<const char*>(data), size);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 64;
  dateline::extract_internal::StandInParse parse(html, options.max_errors);
  GumboOutput* plain =
      gumbo_parse_with_options(&options, html.data(), html.size());
  const std::string diff = dateline::extract_internal::TreeDiff(
      parse.output()->document, plain->document);
  gumbo_destroy_output(&options, plain);
  if (!diff.empty()) {
    std::fprintf(stderr, "trees differ: %s\n", diff.c_str());
    std::abort();
  }
  return 0;
}
