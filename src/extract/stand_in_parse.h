// Gumbo's parse of a page, taken on a shorter text (internal to src/extract/).
//
// Gumbo lexes a page one character at a time, at some 500 instructions per
// character of text and 200 per character of an attribute value, and most of
// what a page gives it once scripts and styles are cut is the text between
// tags and the values of class, id and meta attributes. Neither shapes the
// tree: the tree builder asks of a character only whether it is white space,
// NUL or something else, and reads no attribute value but `type` and
// `encoding`. So before gumbo parses `html`, each run of text between tags
// (from its first to its last non-space character, between character
// references) and each quoted attribute value (but those of <html> and <body>
// tags, whose attributes a second such tag merges) is stood in for by one byte,
// 0x01, which gumbo reads as U+FFFD: a character like any letter to the tree
// builder. After parsing, each stand-in's text is put back where it landed.
//
// The scan that places stand-ins is not gumbo's tokenizer, so the parse is
// checked, not trusted: every stand-in must be found, a text stand-in as a
// U+FFFD of a text node (not in a script, CDATA or comment) holding as many
// U+FFFD as stand-ins in its source span, an attribute stand-in as a whole
// quoted value (of an element or of the clones the tree builder makes of a
// formatting element). A page where one is not, that holds the byte 0x01
// itself, or where two attributes of a tag share a name (gumbo's reading of
// that hangs on how many parse errors it has recorded, which stand-ins
// change), is parsed again as it is. Stand-ins are put only where the text
// decodes to itself (no '&', CR, NUL or characters gumbo replaces), so the
// restored strings are the ones gumbo makes of `html`.
//
// Contract: the tree (node types, tags, attribute names and order, parents and
// children) is the tree gumbo_parse_with_options gives for `html`; every text
// node's text, original_text (into `html`) and start_pos.offset, and every
// attribute's value, are as parsing `html` gives them. Other source positions
// (elements' and attributes' original text, start and end positions, lines and
// columns) point into the shorter text: not to be read.
//
// Not thread-safe per object; no global state. `html` must outlive the object.
#ifndef DATELINE_EXTRACT_STAND_IN_PARSE_H_
#define DATELINE_EXTRACT_STAND_IN_PARSE_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::extract_internal {

// Gumbo's memory for one page: gumbo calls malloc for every node, attribute,
// string and buffer growth, and free for each of them when the output is
// destroyed. The arena hands out memory from a few growing blocks and frees it
// all at once when it is destroyed; past kLimit bytes it falls back to malloc
// (and then the output must be destroyed as usual, to free those).
class GumboArena {
 public:
  static constexpr size_t kLimit = size_t{64} << 20;

  // The first block holds `first_block` bytes (more are added as needed).
  explicit GumboArena(size_t first_block) : next_block_(first_block) {}
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Gumbo's allocator and deallocator, with the arena as userdata.
  static void* Allocate(void* arena, size_t size);
  static void Deallocate(void* arena, void* p);
  // Whether every allocation so far came from the arena's blocks.
  bool all_in_blocks() const { return heap_allocations_ == 0; }

 private:
  void* Grow(size_t size);

  std::vector<std::pair<std::unique_ptr<char[]>, size_t>> blocks_;
  char* next_ = nullptr;
  char* end_ = nullptr;
  size_t reserved_ = 0;
  size_t next_block_;
  size_t heap_allocations_ = 0;
};

class StandInParse {
 public:
  // Parses `html` with gumbo's default options but `max_errors`, in an arena
  // of its own (GumboArena).
  StandInParse(std::string_view html, int max_errors);
  ~StandInParse();
  StandInParse(const StandInParse&) = delete;
  StandInParse& operator=(const StandInParse&) = delete;

  GumboOutput* output() const { return output_; }
  // Whether the parse of the shorter text was kept (false: `html` was parsed
  // as it is). For tests and benchmarks.
  bool stood_in() const { return stood_in_; }
  // Bytes gumbo lexed.
  size_t parsed_bytes() const { return parsed_bytes_; }

 private:
  struct StandIn {
    size_t at;        // offset of the 0x01 byte in short_
    size_t from, to;  // the range of html_ it stands for
    bool attribute;   // an attribute value, else a text run
  };

  void Scan();
  size_t ReadTag(size_t pos, size_t* copied);
  size_t Stop(size_t pos, const size_t* copied);
  void FindDuplicateAttributes(size_t from, size_t to);
  void StandInText(size_t from, size_t to, size_t* copied);
  void StandInRange(size_t from, size_t to, bool attribute, size_t* copied);
  bool Restore();
  bool RestoreText(GumboNode* node);
  bool RestoreAttributes(GumboNode* node);
  size_t ToHtml(size_t short_offset) const;
  // The index of the first stand-in at or after `short_offset` in short_
  // (stand_ins_.size() if none): a lower bound, starting from hint_.
  size_t FirstStandInFrom(size_t short_offset);
  char* Allocate(std::string_view s) const;

  std::string_view html_;
  GumboArena arena_;
  GumboOptions options_;
  std::string short_;
  std::vector<StandIn> stand_ins_;
  // delta_[i]: what offsets in html_ gain over offsets in short_ past the
  // first i stand-ins.
  std::vector<size_t> delta_;
  std::vector<std::string_view> names_;  // attribute names of the tag read
  bool duplicate_attributes_ = false;
  std::vector<bool> found_;  // by stand-in: found in the tree
  size_t hint_ = 0;          // FirstStandInFrom's last answer
  GumboOutput* output_ = nullptr;
  bool stood_in_ = false;
  size_t parsed_bytes_ = 0;
};

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_STAND_IN_PARSE_H_
