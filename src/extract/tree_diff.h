// The first difference between two gumbo trees, for differential tests and the
// stand-in fuzzer (internal to src/extract/): node types, tags, namespaces,
// parse flags, attributes (names and values), the document's doctype, and for
// text, white space and CDATA nodes their text, source span (compared as
// pointers, so both trees must come from the same buffer) and start offset.
// Comments are compared by their text. Header-only; no state.
#ifndef DATELINE_EXTRACT_TREE_DIFF_H_
#define DATELINE_EXTRACT_TREE_DIFF_H_

#include <gumbo.h>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::extract_internal {

// An element's tag name; an unknown element's is read from its original tag.
// Gumbo ignores an empty end tag "</>" but leaves it at the head of the next
// tag's original text (where gumbo_tag_from_original_text would take the whole
// text for an end tag's name, attribute values included), so it is skipped.
inline std::string_view TagName(const GumboNode* n) {
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN)
    return gumbo_normalized_tagname(n->v.element.tag);
  GumboStringPiece piece = n->v.element.original_tag;
  while (piece.length > 3 && std::string_view(piece.data, 3) == "</>") {
    piece.data += 3;
    piece.length -= 3;
  }
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

// "" when `a` and `b` are the same tree, else where and how they differ.
inline std::string TreeDiff(const GumboNode* a, const GumboNode* b) {
  std::vector<std::pair<const GumboNode*, const GumboNode*>> stack{{a, b}};
  const auto where = [](const GumboNode* n) {
    std::string path;
    for (; n != nullptr; n = n->parent) {
      path = "/" + std::to_string(n->index_within_parent) +
             (n->type == GUMBO_NODE_ELEMENT ? std::string(TagName(n)) : "") +
             path;
    }
    return path;
  };
  while (!stack.empty()) {
    auto [x, y] = stack.back();
    stack.pop_back();
    if (x->type != y->type) return where(x) + ": node type";
    if (x->parse_flags != y->parse_flags) return where(x) + ": parse flags";
    if (x->index_within_parent != y->index_within_parent)
      return where(x) + ": index";
    const GumboVector* xc = nullptr;
    const GumboVector* yc = nullptr;
    switch (x->type) {
      case GUMBO_NODE_DOCUMENT: {
        const GumboDocument& p = x->v.document;
        const GumboDocument& q = y->v.document;
        if (p.has_doctype != q.has_doctype ||
            std::strcmp(p.name, q.name) != 0 ||
            std::strcmp(p.public_identifier, q.public_identifier) != 0 ||
            std::strcmp(p.system_identifier, q.system_identifier) != 0 ||
            p.doc_type_quirks_mode != q.doc_type_quirks_mode)
          return "document: doctype";
        xc = &p.children;
        yc = &q.children;
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& p = x->v.element;
        const GumboElement& q = y->v.element;
        if (p.tag != q.tag || p.tag_namespace != q.tag_namespace ||
            TagName(x) != TagName(y))
          return where(x) + ": tag";
        if (p.attributes.length != q.attributes.length)
          return where(x) + ": attribute count";
        for (size_t i = 0; i < p.attributes.length; ++i) {
          const auto* s =
              static_cast<const GumboAttribute*>(p.attributes.data[i]);
          const auto* t =
              static_cast<const GumboAttribute*>(q.attributes.data[i]);
          if (std::strcmp(s->name, t->name) != 0 ||
              s->attr_namespace != t->attr_namespace)
            return where(x) + ": attribute name " + s->name;
          if (std::strcmp(s->value, t->value) != 0)
            return where(x) + ": attribute " + s->name + " = \"" + s->value +
                   "\", not \"" + t->value + "\"";
        }
        xc = &p.children;
        yc = &q.children;
        break;
      }
      case GUMBO_NODE_COMMENT:
        if (std::strcmp(x->v.text.text, y->v.text.text) != 0)
          return where(x) + ": comment";
        break;
      default: {
        const GumboText& p = x->v.text;
        const GumboText& q = y->v.text;
        if (std::strcmp(p.text, q.text) != 0)
          return where(x) + ": text \"" + p.text + "\", not \"" + q.text + "\"";
        if (p.original_text.data != q.original_text.data ||
            p.original_text.length != q.original_text.length ||
            p.start_pos.offset != q.start_pos.offset)
          return where(x) + ": source span of \"" + q.text + "\"";
        break;
      }
    }
    if (xc == nullptr) continue;
    if (xc->length != yc->length) return where(x) + ": child count";
    for (size_t i = xc->length; i-- > 0;)
      stack.emplace_back(static_cast<const GumboNode*>(xc->data[i]),
                         static_cast<const GumboNode*>(yc->data[i]));
  }
  return "";
}

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_TREE_DIFF_H_
