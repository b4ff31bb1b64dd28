// Metadata the page prints near its article (internal to src/extract/): the
// date line nearest above the body (or closing it), bylines ("By Jane Doe and
// John Roe", "Von Jana Beispiel am 3. Mai 2021") and author labels ("Autor:
// Jane Doe"), read from the page's blocks once the article's blocks are
// chosen. Used when the page's markup (page_metadata.h) names no author or
// date.
//
// Stateless; thread-safe.
#ifndef DATELINE_EXTRACT_PRINTED_METADATA_H_
#define DATELINE_EXTRACT_PRINTED_METADATA_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "extract/html_dom.h"

namespace dateline::extract_internal {

// `blocks` are the page's blocks in document order; `kept` points into them:
// the article's blocks, in order.

// Sets article->published (source: the page) from the date line the page
// prints near its article, else from a month (or day) in the first of `urls`
// that has one. `month_first`: numeric dates put the month first.
void FindPrintedDate(const std::vector<HtmlBlock>& blocks,
                     const std::vector<const HtmlBlock*>& kept,
                     bool month_first,
                     std::initializer_list<std::string_view> urls,
                     Article* article);

// The names after an author label ("Autor: Jane Doe") in a short block near
// the article, outside comments, related stories and sidebars; or none.
std::vector<std::string> FindLabelledAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept);

// The day, other than the UTC one, that a moment (`utc_minute`, minutes
// since 1970 in UTC) falls on where the page is published: a short line near
// the article that prints the day before or after with a clock time that is
// the moment in a zone of UTC-12 to UTC+14, in half hours ("03.03.2021,
// 00:15 Uhr" for 2021-03-02T23:15Z; "Oct. 21, 2015, 7:42 p.m." for
// 2015-10-22T01:42Z). Nullopt when no line says so.
std::optional<PartialDate> PrintedLocalDay(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept, long utc_minute,
    bool month_first);

// The publication's day a short line near the article prints beside an
// update's day that is `metadata_day`, an earlier one ("Published 11/30/2022 |
// Updated 2/14/2023" where the metadata says 2023-02-14: publishing systems
// often fill the publication's field with the last change); or none.
std::optional<PartialDate> PublishedBesidePrintedUpdate(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept, const PartialDate& metadata_day,
    bool month_first);

// The user name of a forum thread's opening post (classes.txt's "poster"
// cues: "username", "bigusername", "by name » date"), set before the first
// kept block within its six closest ancestors (XenForo sets the user's cell
// five levels above the post's text), as boards print a post's writer above
// or beside its text; or none. A user name may be a handle ("tetra_tammy"),
// which a byline's test of capitalised names refuses.
std::vector<std::string> FindPostAuthor(
    const std::vector<const HtmlBlock*>& kept);

// The name a letter-like article signs with at its end, on the line after its
// closing formula ("Mit freundlichen Grüßen<br>Jana Beispiel", "Ihr Pfarrer<br>
// Thomas Beispiel", "Best regards, Jane Doe"); or none.
std::vector<std::string> FindSignOffAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept);

// The names of a byline printed as a line of its own above the article or at
// its start, else one opened by its by-word right after the article; or none.
std::vector<std::string> FindBylineAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept);

// The reporters a Chinese report credits in brackets at its opening, as
// agencies and papers write them ("本报讯（记者 陈晓雯）",
// "新华社北京6月21日电（记者 王明、李华）"): the names after 记者 (or another
// Chinese author label) up to the closing bracket; or none.
std::vector<std::string> OpeningReporterCredit(std::string_view paragraph);

// The news agencies a wire story's dateline credits in brackets after its
// place ("Meschede (dpa/lnw) – ...", "Berlin (AFP/Reuters) - ...",
// "WASHINGTON (AP) —"): each code of two to eight letters, the first and
// those after it that open with a capital (a lower-case code after the first
// is the agency's regional service: "lnw"); or none.
std::vector<std::string> DatelineAgencies(std::string_view paragraph);

// The byline among the first three of `paragraphs` (an article read from
// outside the visible page); or none.
std::vector<std::string> FindBylineInParagraphs(
    const std::vector<Paragraph>& paragraphs);

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_PRINTED_METADATA_H_
