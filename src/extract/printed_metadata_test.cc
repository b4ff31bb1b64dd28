#include "extract/printed_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/html_extract_testing.h"

// What the page prints near its article (printed_metadata.cc): date lines,
// bylines and author labels, as ExtractArticle reports them.

namespace dateline {
namespace {

// Without a machine-readable date, the short date line nearest above the
// article.
TEST(PrintedMetadataTest, PrintedDateLineAboveTheArticle) {
  const std::string body =
      "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
      "neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p><p>Die Gegner k\u00fcndigten "
      "ein Referendum an, wie sie am 3. M\u00e4rz 2018 schon einmal getan "
      "hatten, und sammeln Unterschriften.</p></div>";
  Article a = ExtractHtmlDoc(
      "<html><body><div class='teaser'>01.01.2015</div><h1>Der Rat</h1>"
      "<div class='info'>20.06.2019 11:43</div>" +
          body + "</body></html>",
      "https://example.ch/2019/06/rat");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06-20");
  EXPECT_EQ(a.published_source, DateSource::kPage);
  // None printed: the URL's month.
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body + "</body></html>",
                     "https://example.ch/2019/06/rat");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06");
  EXPECT_EQ(a.published_source, DateSource::kUrl);
  // Fetched by an address without a date: the month of the page's canonical
  // URL, or of its og:url.
  a = ExtractHtmlDoc(
      "<html><head><link rel='canonical' "
      "href='https://example.ch/2019/06/rat'></head><body>"
      "<h1>Der Rat</h1>" +
          body + "</body></html>",
      "https://example.ch/share?id=5");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2019-06");
  EXPECT_EQ(a.published_source, DateSource::kUrl);
  a = ExtractHtmlDoc(
      "<html><head><meta property='og:url' "
      "content='https://example.ch/2018/11/rat'></head>"
      "<body><h1>Der Rat</h1>" +
      body + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2018-11");
}

// Of the date lines near the article, the one labelled as the publication's
// date wins over an unlabelled one and over an update's, whatever the order;
// an update's date is taken only when no other line gives one.
TEST(PrintedMetadataTest, PrintedDateLabelledAsPublication) {
  const std::string body =
      "<div class='text'><p>The council met on Friday to debate the new "
      "budget, which had been presented in the spring, and approved it by a "
      "narrow margin.</p><p>Its opponents announced a referendum and began "
      "collecting signatures in the town square the same evening.</p></div>";
  auto date_of = [&](const std::string& lines) {
    Article a = ExtractHtmlDoc("<html><body><h1>The council</h1>" + lines +
                               body + "</body></html>");
    return a.published ? a.published->ToIso() : std::string("none");
  };
  EXPECT_EQ(date_of("<div>Published: March 3, 2021</div>"
                    "<div>Updated: March 4, 2021</div>"),
            "2021-03-03");
  EXPECT_EQ(date_of("<div>Updated March 4, 2021</div>"
                    "<div>Posted March 3, 2021</div>"),
            "2021-03-03");
  EXPECT_EQ(date_of("<div>Aktualisiert am 04.03.2021</div>"
                    "<div>12.02.2021</div>"),
            "2021-02-12");
  EXPECT_EQ(date_of("<div>Aktualisiert am 04.03.2021</div>"), "2021-03-04");
  // Both labels in one line: the date after the publication's label.
  EXPECT_EQ(date_of("<div>Zuletzt ge\u00e4ndert: 04.03.2021, "
                    "ver\u00f6ffentlicht: 03.03.2021</div>"),
            "2021-03-03");
  // Italian pages print an update as "modifica il".
  EXPECT_EQ(date_of("<div>12 luglio 2013</div>"
                    "<div>modifica il 13 luglio 2013</div>"),
            "2013-07-12");
  // Under the text, a line opened by the publication's label wins over an
  // unlabelled line above it (German "Stand:", the last change); a sentence
  // that uses the word does not.
  const auto date_around = [&](const std::string& above,
                               const std::string& below) {
    Article a = ExtractHtmlDoc("<html><body><h1>The council</h1>" + above +
                               body + below + "</body></html>");
    return a.published ? a.published->ToIso() : std::string("none");
  };
  EXPECT_EQ(date_around("<div>Stand: 19.11.2021</div>",
                        "<div>Ver\u00f6ffentlicht: 10.11.2021</div>"),
            "2021-11-10");
  EXPECT_EQ(date_around("<div>19.11.2021</div>",
                        "<p>The results will be published by 30.11.2021.</p>"),
            "2021-11-19");
}

// Metadata whose date extraction cannot read ("11/01/2023 12:43"): the date
// line the article prints wins; without one, the metadata's text is kept for
// the date stage.
TEST(PrintedMetadataTest, PrintedDateOverUnreadableMetadata) {
  const std::string head =
      "<html lang='de'><head><meta name='date' content='11/01/2023 "
      "12:43'></head><body>";
  const std::string body =
      "<h1>Wasser</h1><div class='text'><p>Die Gemeinde hat die Anlage zur "
      "Aufbereitung des Trinkwassers "
      "erneuert, nachdem im Sommer mehrere Proben beanstandet worden "
      "waren.</p><p>Die Arbeiten dauerten "
      "drei Wochen und kosteten deutlich weniger als zuerst veranschlagt.</p>";
  Article a = ExtractHtmlDoc(
      head + body + "<p>Erstellt am: 01.11.2023</p></div></body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-11-01");
  EXPECT_EQ(a.published_source, DateSource::kPage);
  EXPECT_TRUE(a.published_text.empty());
  a = ExtractHtmlDoc(head + body + "</div></body></html>",
                     "https://example.ch/2023/10/wasser");
  EXPECT_FALSE(a.published);  // not the URL's month: the metadata says more
  EXPECT_EQ(a.published_text, "11/01/2023 12:43");
}

// A moment in UTC that falls on the day before or after the one the page
// prints, as the site's zone puts it, dates the page by the printed day; a
// printed day further off, or one the moment's hour rules out, does not.
// The publication date extracted from the council story under a <p> holding
// `line`, its metadata giving the moment `stamp`.
std::string PublishedWith(const std::string& stamp, const std::string& line) {
  const Article a = ExtractHtmlDoc(
      "<html lang='de'><head><meta property='article:published_time' "
      "content='" +
      stamp + "'></head><body><h1>Der Rat</h1><p>" + line + "</p>" +
      kCouncilBody + "</body></html>");
  return a.published ? a.published->ToIso() : std::string();
}

TEST(PrintedMetadataTest, PrintedLocalDayOverAUtcMoment) {
  EXPECT_EQ(PublishedWith("2021-03-02T23:15:00+00:00", "03.03.2021, 00:15 Uhr"),
            "2021-03-03");
  EXPECT_EQ(PublishedWith("2015-10-22T01:42:00Z", "Oct. 21, 2015, 7:42 p.m."),
            "2015-10-21");
  EXPECT_EQ(PublishedWith("2021-03-02T23:15:00+00:00", "05.03.2021"),
            "2021-03-02");
  EXPECT_EQ(PublishedWith("2021-03-02T05:15:00Z", "03.03.2021"), "2021-03-02");
  // A day printed without the moment's time (a site's banner with today's
  // date), or with a time no zone gives, does not move it.
  EXPECT_EQ(
      PublishedWith("2022-05-03T20:51:06Z", "Mi\u00e9rcoles 4 de Mayo de 2022"),
      "2022-05-03");
  EXPECT_EQ(PublishedWith("2021-03-02T23:15:00Z", "03.03.2021, 09:00 Uhr"),
            "2021-03-02");
  // A short date's numbers are no clock ("03.03.21" is no 03:03).
  EXPECT_EQ(PublishedWith("2021-03-02T03:03:00Z", "03.03.21"), "2021-03-02");
  // A moment given in the site's zone is its own day.
  EXPECT_EQ(PublishedWith("2021-03-02T23:15:00+01:00", "03.03.2021"),
            "2021-03-02");
}

// Metadata that gives the day of the last change as the publication's, where
// a line prints both, yields to the publication's day printed beside it.
TEST(PrintedMetadataTest, PublicationDayBesideAPrintedUpdate) {
  EXPECT_EQ(PublishedWith("2024-09-04T08:15:00+02:00",
                          "Ver\u00f6ffentlicht am 03.09.2024 um 22:47 Uhr | "
                          "Aktualisiert am 04.09.2024 um 08:15 Uhr"),
            "2024-09-03");
  EXPECT_EQ(PublishedWith("2024-09-04T08:15:00+02:00",
                          "Aktualisiert am 04.09.2024 | Ver\u00f6ffentlicht am "
                          "03.09.2024"),
            "2024-09-03");
  // An update on another day than the metadata's leaves the metadata's.
  EXPECT_EQ(PublishedWith("2024-09-06T08:15:00+02:00",
                          "Ver\u00f6ffentlicht am 03.09.2024 | Aktualisiert am "
                          "04.09.2024"),
            "2024-09-06");
}

// Austrian German names January "Jänner".
TEST(PrintedMetadataTest, AustrianMonthName) {
  const Article a = ExtractHtmlDoc(
      std::string("<html lang='de-AT'><body><h1>Der Rat</h1><p>Dienstag, 17. "
                  "J\u00e4nner 2012, 16:20</p>") +
      kCouncilBody + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2012-01-17");
}

// A page that names its writer only after a label ("Autor:", "Auteur :") near
// the article: the name, up to the next label; a commenter's label is not the
// writer's.
TEST(PrintedMetadataTest, AuthorAfterALabel) {
  const std::string body =
      "<div class='text'><p>Der Gemeinderat hat am Freitag lange \u00fcber das "
      "neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p><p>Die Gegner k\u00fcndigten "
      "ein Referendum an und sammeln nun in allen Quartieren der Stadt "
      "Unterschriften daf\u00fcr.</p></div>";
  Article a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><div class='info'><span>Datum:</span> "
      "20.06.2019 "
      "<span>Autor:</span> Jana Beispiel <span>Quelle:</span> "
      "Stadtanzeiger</div>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>Le conseil</h1><p class='auteurs'>Auteur : Paul "
      "Exemple</p>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Paul Exemple"}));
  // Spanish institutions' "Autor\u00eda:" (authorship) after the text.
  a = ExtractHtmlDoc("<html><body><h1>El consejo</h1>" + body +
                     "<p class='autoria'>Autor\u00eda: Laura Ejemplo "
                     "Ortega</p></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Laura Ejemplo Ortega"}));
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body +
                     "<div class='comment-list'><div>Autor: Leser "
                     "Beispiel</div></div></body></html>");
  EXPECT_TRUE(a.authors.empty());
  // A label inside a word is no label ("Coautor:" is not "Autor:").
  a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><div>Coautor: Jana Beispiel</div>" + body +
      "</body></html>");
  EXPECT_TRUE(a.authors.empty());
}

// Without metadata, a date that opens the article's lead paragraph (as a
// dateline does), after any date line above it; and a date line in a
// <figure> that also holds the headline.
TEST(PrintedMetadataTest, PrintedDateOpeningTheLead) {
  const std::string rest =
      "<p>Die Gegner k\u00fcndigten ein Referendum an und sammeln nun in allen "
      "Quartieren der Stadt Unterschriften daf\u00fcr.</p></div>";
  const std::string lead =
      "<div class='text'><p>Mitteilung vom 29. November 2022 | Berlin \u2013 "
      "Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, und am Ende knapp zugestimmt.</p>";
  Article a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + lead + rest +
                             "<div class='comment-date'>02.12.2022</div>"
                             "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-11-29");
  // A date line above the article wins over the day its lead names.
  a = ExtractHtmlDoc(
      "<html><body><h1>Der Rat</h1><p>30.11.2022</p><div class='text'><p>Bis "
      "einschlie\u00dflich 9. November 2022 hat der Gemeinderat lange "
      "\u00fcber das neue Budget beraten und am Ende knapp zugestimmt.</p>" +
      rest + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-11-30");
  a = ExtractHtmlDoc(
      "<html><body><figure><img src='a.jpg'><figcaption><small>31.01.2022 "
      "Sport</small><h1>Der Rat tagt</h1></figcaption></figure>" +
      lead.substr(0, lead.find("Mitteilung")) +
      "Der Gemeinderat hat am Freitag lange \u00fcber das neue Budget "
      "beraten, und am Ende knapp zugestimmt.</p>" +
      rest + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2022-01-31");
}

// After a standfirst, the article's text may open with its dateline
// ("29.11.2022 – ..."): that date beats one in the comments below.
TEST(PrintedMetadataTest, PrintedDateOpeningTheTextAfterAStandfirst) {
  const std::string page =
      "<html><body><h1>Stadtrat gibt Geld f\u00fcr die alte Br\u00fccke "
      "frei</h1><div class='text'><p class='teaser'>Die Sanierung der "
      "Steinbr\u00fccke am Hafen beginnt im Sommer, die Anwohner m\u00fcssen "
      "mit Umleitungen rechnen.</p><p>14.03.2023 \u2013 Nach langer Debatte "
      "hat der Stadtrat am Abend die Mittel f\u00fcr die Sanierung der "
      "Br\u00fccke bewilligt, gegen die Stimmen der Opposition.</p><p>Die "
      "Arbeiten sollen zwei Jahre dauern; die Stadt will die Br\u00fccke "
      "w\u00e4hrend der Bauzeit f\u00fcr Fu\u00dfg\u00e4nger offen "
      "halten.</p></div><div class='comments'><div class='comment'><span "
      "class='comment-date'>20.03.2023, 09:12</span><p>Endlich!</p></div>"
      "</div></body></html>";
  const Article a = ExtractHtmlDoc(page);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2023-03-14");
  EXPECT_EQ(a.published_source, DateSource::kPage);
}

// Blog themes set the post's date and author in the article's own <footer>,
// after the text: read there, while the site's footer stays furniture.
TEST(PrintedMetadataTest, DateAndAuthorInTheArticlesFooter) {
  const std::string body = kCouncilBody;
  const std::string site_footer =
      "<footer class='site-footer'>\u00a9 2021 Blog <time "
      "datetime='2020-01-01'>1 Jan</time> <span class='author'>Site "
      "Owner</span></footer>";
  Article a = ExtractHtmlDoc(
      "<html><body><article><h1>Der Rat</h1>" + body +
      "<footer class='entry-footer'><span class='posted-on'>Posted on <time "
      "class='entry-date published' datetime='2021-03-03T10:00:00+00:00'>3. "
      "M\u00e4rz 2021</time></span> <span class='author vcard'><a "
      "href='/author/jb'>Jana Beispiel</a></span></footer></article>" +
      site_footer + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2021-03-03");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  // A date line printed in the article's footer, without a <time>.
  a = ExtractHtmlDoc("<html><body><article><h1>Der Rat</h1>" + body +
                     "<footer class='entry-meta'>Ver\u00f6ffentlicht am 3. "
                     "M\u00e4rz 2021</footer></article>" +
                     site_footer + "</body></html>");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->ToIso(), "2021-03-03");
  // Without an <article>, a footer is the page's.
  a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body + site_footer +
                     "</body></html>");
  EXPECT_FALSE(a.published);
  EXPECT_TRUE(a.authors.empty());
}

TEST(PrintedMetadataTest, AuthorsFromPrintedBylines) {
  struct Case {
    const char* byline;  // the markup between the <h1> and the body
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"<div class='x'>Von <a href='/a/jb'>Jana Beispiel</a>, Max Muster am 3. "
       "Mai 2021</div>",
       {"Jana Beispiel", "Max Muster"}},
      {"<div>By Jane Doe\u202215 January 2020</div>", {"Jane Doe"}},
      {"<div>Von Berlin aus gesehen</div>", {}},
      // Two writers joined by the byline language's "and".
      {"<div>Door Anna de Vries en Piet Jansen</div>",
       {"Anna de Vries", "Piet Jansen"}},
      // A separator left at the byline's end, what it separated set apart in
      // markup, is none of the name.
      {"<div class='byline'><span>By Jane Doe</span> - </div><div><span>3 "
       "May</span></div>",
       {"Jane Doe"}},
      // A publication label, or the place or category the byline goes on
      // with, ends the name.
      {"<div>Von Jana Beispiel Ver\u00f6ffentlicht am 3. Mai 2021</div>",
       {"Jana Beispiel"}},
      {"<div>By Jane Doe Updated 4 May 2021</div>", {"Jane Doe"}},
      {"<div>Door Sanne de Vries en Pieter Jansen Gepubliceerd: 12 augustus "
       "2017</div>",
       {"Sanne de Vries", "Pieter Jansen"}},
      {"<div>By Jane Doe in Kyiv</div>", {"Jane Doe"}},
      {"<div>Posted by Jane Doe in Local Politics</div>", {"Jane Doe"}},
      // A day's name cut short ends the name when a date follows it or a full
      // stop closes it; else it is a name's.
      {"<div>Von Jana Beispiel am Mi., 14.09.2022 - 16:05</div>",
       {"Jana Beispiel"}},
      {"<div>By Jane Doe Tue 3 May 2021</div>", {"Jane Doe"}},
      {"<div>Von Lorenzo Di Stefano</div>", {"Lorenzo Di Stefano"}},
      // A meta line of a name, a separator and a date names its writer with no
      // by-word; one word before the date is a place, and a name before no
      // date is a section's or a site's.
      {"<div>Jana Beispiel \u00b7 21.06.2023, 06:30 Uhr</div>",
       {"Jana Beispiel"}},
      {"<div>Jean Dupont \u2014 16 janvier 2024 \u2014 lecture 4 min</div>",
       {"Jean Dupont"}},
      {"<div>Berlin \u00b7 21.06.2023</div>", {}},
      {"<div>Lokales | Neustadt</div>", {}},
      // The other order, the date and time first, names the writer last; a
      // menu after a date does not.
      {"<div>04.02.2022 | 13:10 Uhr | Jana Beispiel</div>", {"Jana Beispiel"}},
      {"<div>3. Mai 2021 \u00b7 Jane Doe</div>", {"Jane Doe"}},
      {"<div>3. Mai 2021 | Abo | Werben im Ratsblatt</div>", {}},
      {"<div>20. Februar 2024 | Stadtrat, Sport</div>", {}},
      // An agency joined to the writers, in brackets or after a slash, and a
      // photographer's credit after the writer's, name no writer.
      {"<div>Von Jana Beispiel mit Material von Reuters</div>",
       {"Jana Beispiel"}},
      {"<div>Von Jana Beispiel (mit APA)</div>", {"Jana Beispiel"}},
      {"<div>Por In\u00eas Carvalho, com Lusa</div>", {"In\u00eas Carvalho"}},
      {"<div>Av Johan Beispiel och Elin Exempel/TT</div>",
       {"Johan Beispiel", "Elin Exempel"}},
      {"<p class='article__author'>Jana Beispiel / dpa</p>", {"Jana Beispiel"}},
      // An author's element breaks its lines apart: the writer's place or
      // desk on a line of its own is no part of the name; a lead-in on one
      // goes with it.
      {"<p class='article__author'><strong>JANA BEISPIEL</strong><br>DE "
       "S\u00c3O PAULO</p>",
       {"JANA BEISPIEL"}},
      {"<div class='article__author'><span>Von</span><br><a href='/a/jb'>Jana "
       "Beispiel</a></div>",
       {"Jana Beispiel"}},
      // A byline holding an element classed as the writer's name leaves the
      // name to it.
      {"<div class='byline'><span class='byline__name'>By Jana Beispiel</span> "
       "<span class='byline__agency'>AFP</span> <time>Tue, May 3, 2022</time>"
       "</div>",
       {"Jana Beispiel"}},
      {"<div class='field--name-field-autor'><div class='field__label'>"
       "Autorin</div><div class='field__item'><a href='/a/jb'>Jana "
       "Beispiel</a></div></div>",
       {"Jana Beispiel"}},
      {"<div class='autor'>Text: Holger Beispiel, Fotos: Marcel Muster</div>",
       {"Holger Beispiel"}},
      // A byline box may hold the name alone, perhaps with the site's
      // address; not words the markup ran together. A CJK label before the
      // name is none of it.
      {"<p class='byline'><strong>Jana Beispiel, news.example.at</strong></p>",
       {"Jana Beispiel"}},
      {"<p class='byline'>Ingrid Beispiel<span>Journalist</span></p>", {}},
      {"<p class='byline'>\u8a18\u8005 \u4f50\u85e4\u5065\u4e00</p>",
       {"\u4f50\u85e4\u5065\u4e00"}},
      // A credit's label of three words, an interview's credit, and an
      // Italian "di" in a writer's box.
      {"<p class='autor'>Text und Foto: Benedikt Beispiel</p>",
       {"Benedikt Beispiel"}},
      {"<p class='byline'><em>Interview: Svenja Beispiel</em></p>",
       {"Svenja Beispiel"}},
      {"<div class='meta_author'><span>di</span> <a href='/a'>Giulia "
       "Esempio</a></div>",
       {"Giulia Esempio"}},
      // A job title after the name, not after a comma, is no part of it.
      {"<div class='author'>Ingrid Beispiel Journalist</div>",
       {"Ingrid Beispiel"}},
      // Italian bylines open with a lower-case "di"; a capitalised "Di" opening
      // a line is a name's.
      {"<div>di Marco Rossi, 12 aprile 2023</div>", {"Marco Rossi"}},
      {"<div>Di Stefano: il consiglio approva</div>", {}},
      // Romance bylines may name the piece before its writer; "de" is a
      // by-word only after such a noun.
      {"<div>Texto de In\u00eas Carvalho \u00b7 13 de junho de 2023</div>",
       {"In\u00eas Carvalho"}},
      {"<div>Reportaje de Luc\u00eda G\u00f3mez</div>",
       {"Luc\u00eda G\u00f3mez"}},
      // Forum software sets a guillemet between a post's author and its time.
      {"<div>von <strong>Tiefseetaucher7</strong> » Di 7. Mär 2023, "
       "19:14</div>",
       {"Tiefseetaucher7"}},
      // A date the markup runs into the name with no space, and a day's name
      // after "on" whose number a comma cut off, end the name.
      {"<div><span>Von <a href='/a/jb'>Jana Beispiel</a></span><span>2. Juni "
       "2019</span></div>",
       {"Jana Beispiel"}},
      {"<div>Von Jana Beispiel3 Juni 2019</div>", {"Jana Beispiel"}},
      {"<div>Submitted by <a href='/u/jd'>Jane Doe</a> on Tue, 03/15/2011 - "
       "23:48</div>",
       {"Jane Doe"}},
      // The full stop that closes a byline is none of the name.
      {"<div>Par Jeanne LE BRAS.</div>", {"Jeanne LE BRAS"}},
      // A newspaper's possessive and the writer's title before the name, and
      // a title after a comma, are none of it.
      {"<div>Von unserem Redakteur Max Muster</div>", {"Max Muster"}},
      {"<div>By our correspondent Jane Doe</div>", {"Jane Doe"}},
      {"<div>dal nostro inviato MARCO ESEMPIO</div>", {"MARCO ESEMPIO"}},
      {"<div>De notre correspondant Jean Dupont</div>", {"Jean Dupont"}},
      {"<div>Von Pfarrerin Jana Beispiel</div>", {"Jana Beispiel"}},
      {"<div>By Jane Doe, Curator of Textiles</div>", {"Jane Doe"}},
      {"<div>By Jane Doe, University Communications</div>", {"Jane Doe"}},
      // A paper's contributor, a club's officers.
      {"<div>Von unserem Mitarbeiter Max Muster</div>", {"Max Muster"}},
      {"<div>Bericht: Pressewartin Jana Beispiel</div>", {"Jana Beispiel"}},
      {"<div>Von Max Muster, Schriftf\u00fchrer</div>", {"Max Muster"}},
  };
  for (const Case& c : cases) {
    const Article a =
        ExtractHtmlDoc(std::string("<html><body><h1>Der Rat</h1>") + c.byline +
                       kCouncilBody + "</body></html>");
    EXPECT_EQ(a.authors, c.want) << c.byline;
  }
}

// A form's field labels are no byline, whatever words they have: a journey
// planner's "Von [ ] Nach [ ]" names no writer "Nach".
TEST(PrintedMetadataTest, FormLabelsAreNoByline) {
  const Article a = ExtractHtmlDoc(
      std::string("<html><body><form action='/efa'><h2>Fahrplanauskunft</h2>"
                  "<label>Von <input name='from'></label> <label>Nach <input "
                  "name='to'></label></form><h1>Der Rat</h1>") +
      kCouncilBody + "</body></html>");
  EXPECT_TRUE(a.authors.empty()) << a.authors.front();
}

// A byline closing the article, opened by its by-word, names the writer; a
// widget's "powered by" line there does not.
TEST(PrintedMetadataTest, BylineClosingTheArticle) {
  const auto page = [](const std::string& after) {
    return ExtractHtmlDoc(std::string("<html><body><h1>Der Rat</h1>") +
                          kCouncilBody + after + "</body></html>");
  };
  EXPECT_EQ(page("<div>Von Jana Beispiel | 03.05.2022, 14:05</div>").authors,
            std::vector<std::string>{"Jana Beispiel"});
  EXPECT_TRUE(
      page("<div>Kommentare powered by Kommentarwerk</div>").authors.empty());
  // Opened by a byline's lead, or by a publication label and its date.
  EXPECT_EQ(page("<div>Posted by Jane Doe on 4 May 2013 | Back to "
                 "News</div>")
                .authors,
            std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(page("<div>ver\u00f6ffentlicht am 03.08.2016 von Markus Fiedler "
                 "\u00b7 Fotos: Feuerwehr</div>")
                .authors,
            std::vector<std::string>{"Markus Fiedler"});
  // Kept with the text as its last block, inside the article's container.
  const Article inside = ExtractHtmlDoc(
      std::string("<html><body><div class='main'><h1>Der Rat</h1><div><img "
                  "src='/a.jpg'><span>Das Rathaus am Abend.</span></div>") +
      kCouncilBody +
      "<div>Von Jana Beispiel | 03.05.2022, 14:05</div></div></body></html>");
  EXPECT_EQ(inside.authors, std::vector<std::string>{"Jana Beispiel"})
      << inside.body;
  // A post's own footer, where blog templates print the byline, in the
  // languages' leads ("Geschrieben von", "Écrit par").
  EXPECT_EQ(page("<div class='entry-footer'>Geschrieben von <a href='/a'>Jana "
                 "Beispiel</a> in <a href='/c'>Linux</a> um 22:31 | <a "
                 "href='#c'>Kommentare (3)</a></div>")
                .authors,
            std::vector<std::string>{"Jana Beispiel"});
  // A wire story's closing credits: the reporters, not the editors, in any
  // case.
  EXPECT_EQ(page("<p>Reporting by Jane Doe and John Roe in Oslo; Editing by "
                 "Max Muster</p>")
                .authors,
            (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(page("<p>REPORTING BY Jane Doe</p>").authors,
            std::vector<std::string>{"Jane Doe"});
  // An interview's credit of its interviewer, the piece's writer, in the
  // languages' formulas, a colon after the lead or none; a lower-case word
  // after the lead is prose ("Rozmawiał z nami").
  EXPECT_EQ(page("<p>Das Gespr\u00e4ch f\u00fchrte Paula Brandt.</p>").authors,
            std::vector<std::string>{"Paula Brandt"});
  EXPECT_EQ(page("<p>Propos recueillis par \u00c9lodie Varenne</p>").authors,
            std::vector<std::string>{"\u00c9lodie Varenne"});
  EXPECT_EQ(page("<p>Rozmawia\u0142: Jan Kowalski</p>").authors,
            std::vector<std::string>{"Jan Kowalski"});
  EXPECT_TRUE(
      page("<p>Rozmawia\u0142 z nami Jan Kowalski</p>").authors.empty());
  // A name alone signing the text, set apart by emphasis; a plain
  // paragraph of two capitalised words is none.
  EXPECT_EQ(page("<p><em>Denise Clermont</em></p>").authors,
            std::vector<std::string>{"Denise Clermont"});
  EXPECT_EQ(page("<p><b><i>Denise Clermont</i></b></p>").authors,
            std::vector<std::string>{"Denise Clermont"});
  EXPECT_TRUE(page("<p>Denise Clermont</p>").authors.empty());
  EXPECT_TRUE(page("<p><em>Denise</em> Clermont</p>").authors.empty());
  // A related box's heading in bold is no signature: "aus" is no name's
  // particle, as "von" and "de" are.
  const std::string one_paragraph =
      "<html><body><h1>Der Rat</h1><div class='text'><p>Der Gemeinderat hat "
      "am Freitag lange \u00fcber das neue Budget beraten, das im "
      "Fr\u00fchjahr vorgelegt worden war, und am Ende knapp "
      "zugestimmt.</p></div>";
  EXPECT_TRUE(ExtractHtmlDoc(one_paragraph +
                             "<p><b>Weitere Artikel aus Neustadt</b></p>")
                  .authors.empty());
  EXPECT_EQ(
      ExtractHtmlDoc(one_paragraph + "<p><b>Anna de Vries</b></p>").authors,
      std::vector<std::string>{"Anna de Vries"});
  // The last line of the article's last paragraph, when a <br> sets it
  // apart.
  EXPECT_EQ(ExtractCouncilStoryWith("<p>Die Abstimmung folgt im Herbst.<br>"
                                    "Von Jana Beispiel</p>")
                .authors,
            std::vector<std::string>{"Jana Beispiel"});
}

// A kicker and a standfirst kept with the text stand above the byline, which
// still opens the article.
TEST(PrintedMetadataTest, BylineBelowKickerAndStandfirst) {
  const Article a = ExtractHtmlDoc(
      std::string("<html><head><meta name='author' content='Redazione "
                  "Corriere di Prova'></head><body><article><div "
                  "class='testa'><p "
                  "class='occhiello'>Il consiglio comunale chiede lo stato di "
                  "emergenza</p><h1>Der Rat</h1><p class='sommario'>In venti "
                  "minuti la discussione ha diviso la maggioranza e "
                  "l'opposizione del comune.</p><div class='firma'>di "
                  "<strong>Giorgio Esempio</strong> e <strong>Chiara "
                  "Prova</strong></div><div class='data'>Pubblicato il 9 "
                  "settembre 2014</div></div>") +
      kCouncilBody + "</article></body></html>");
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Giorgio Esempio", "Chiara Prova"}));
}

// An old page's headline and byline share a cell, a <br> between them: the
// byline is that line.
TEST(PrintedMetadataTest, BylineOnALineOfItsOwnInABlock) {
  const Article a = ExtractHtmlDoc(
      std::string("<html><body><table><tr><td><b>Der Rat</b><br>By Harold J. "
                  "Beispiel &nbsp;|&nbsp; Posted March 3, 2001</td></tr><tr>"
                  "<td>") +
      kCouncilBody + "</td></tr></table></body></html>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Harold J. Beispiel"});
}

// A letter-like article (a parish letter, a club's or a union's circular, a
// blog post) signs with a closing formula and the writer's name after it.
// A forum thread's opening post names its writer by a user name beside or
// above its text, classed as boards class it, handles included; a user name
// after the text (a reply's, a reader comment's) is not the writer.
TEST(PrintedMetadataTest, OpeningPostsUserName) {
  const std::string post =
      "<div class='message-content'><div class='bbWrapper'>My rye starter "
      "smells of acetone after two weeks in the fridge and there is a grey "
      "liquid on top of it. Is it dead, or can I still save it by feeding it "
      "twice a day for a week?</div></div>";
  // XenForo: the user cell beside the post's main cell.
  const Article xenforo = ExtractHtmlDoc(
      "<html><body><article class='message'><div class='message-cell "
      "message-cell--user'><h4><a class='username' "
      "href='/members/1'>loafwhisperer</a></h4><dl><dt>Messages</dt><dd>58</dd>"
      "</dl></div><div class='message-cell message-cell--main'>" +
      post + "</div></article></body></html>");
  EXPECT_EQ(xenforo.authors, std::vector<std::string>{"loafwhisperer"});
  // vBulletin: the name in the post table's row above the text.
  const Article vbulletin = ExtractHtmlDoc(
      "<html><body><table><tr><td><a class='bigusername' "
      "href='member.php?u=9'>tetra_tammy</a></td></tr><tr><td>" +
      post + "</td></tr></table></body></html>");
  EXPECT_EQ(vbulletin.authors, std::vector<std::string>{"tetra_tammy"});
  // A user name under the text is a reply's.
  const Article reply = ExtractHtmlDoc(
      "<html><body><div>" + post +
      "<div class='reply'><a class='username' href='/u/2'>someone_else</a> "
      "wrote: Feed it.</div></div></body></html>");
  EXPECT_TRUE(reply.authors.empty()) << reply.authors.front();
}

TEST(PrintedMetadataTest, NameAfterTheClosingFormula) {
  struct Case {
    const char* closing;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"<p>Ihr Pfarrer<br>Thomas Beispiel</p>", {"Thomas Beispiel"}},
      {"<p>Mit freundlichen Grüßen<br>Jana Beispiel<br>"
       "Vorsitzende</p>",
       {"Jana Beispiel"}},
      {"<p>Best regards,</p><p>Jane Doe</p>", {"Jane Doe"}},
      {"<p>Cordialement, Jean Dupont</p>", {"Jean Dupont"}},
      // A first name alone after a greeting; after a possessive one word may
      // be a role as well as a name.
      {"<p>Cheers, Tom</p>", {"Tom"}},
      {"<p>Gru\u00df, Olaf</p>", {"Olaf"}},
      {"<p>Eure Redaktion</p>", {}},
      {"<p>Cheers, Editor</p>", {}},
      // No name after the formula, or a sentence that opens with its word.
      {"<p>Ihr Vorstand</p>", {}},
      {"<p>Ihre Meinung zählt: Schreiben Sie uns an die "
       "Redaktion.</p>",
       {}},
      {"<p>Viele Grüße<br>Bis bald im Rathaus!</p>", {}},
      // A first name alone on the text's last line, after the formula on a
      // line of its own or going on with a wish; after an ellipsis.
      {"<p>Liebe Grüße,<br>Anna</p>", {"Anna"}},
      {"<p>Bises, et bonne fin d'\u00e9t\u00e9,<br>Claire</p>", {"Claire"}},
      {"<p>Bises\u2026 Claire</p>", {"Claire"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractCouncilStoryWith(c.closing).authors, c.want) << c.closing;
  }
}

// A blog's metadata often names the writer by a display name of one word, a
// newsroom's JSON-LD only the first of several writers; a byline at the
// article's start that names each and gives more gives the writers.
TEST(PrintedMetadataTest, MetadataAuthorsGivenInFullByTheByline) {
  const std::string body = kCouncilBody;
  const auto page = [&](const std::string& byline,
                        const std::string& meta = "Jana") {
    return ExtractHtmlDoc("<html><head><meta name='author' content='" + meta +
                          "'></head><body><h1>Der Rat</h1><div>" + byline +
                          "</div>" + body + "</body></html>");
  };
  EXPECT_EQ(page("Ein Gastbeitrag von Jana Beispiel").authors,
            (std::vector<std::string>{"Jana Beispiel"}));
  // Another name is another writer's: the metadata's stands.
  EXPECT_EQ(page("Ein Gastbeitrag von Max Muster").authors,
            (std::vector<std::string>{"Jana"}));
  EXPECT_EQ(page("Von Jana Beispiel und Max Muster", "Jana Beispiel").authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  EXPECT_EQ(page("Von Max Muster und Eva Probe", "Jana Beispiel").authors,
            (std::vector<std::string>{"Jana Beispiel"}));
  // An element classed as the author's lists the writers without a by-word.
  EXPECT_EQ(page("<p class='article__author'>Jana Beispiel und Max Muster</p>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  // So does one classed as the byline, its names linked one by one; a word
  // alone after a name there is the writer's place, no further writer.
  EXPECT_EQ(page("<span class='byline'><a href='/a/jb'>Jana Beispiel</a>, "
                 "<a href='/a/mm'>Max Muster</a></span>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  EXPECT_EQ(
      page("<span class='byline'>Jana Beispiel, Berlin</span>", "Jana Beispiel")
          .authors,
      (std::vector<std::string>{"Jana Beispiel"}));
  // A list of writers, an element each, as siblings or in items of their own
  // (a picture beside the name, a role after it).
  EXPECT_EQ(page("<div class='byline__author'><a>Jana Beispiel</a>, "
                 "Redakteurin</div><div class='byline__author'><a>Max "
                 "Muster</a></div>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  EXPECT_EQ(page("<ul><li><img src='/jb.jpg' alt=''><span class='author-name'>"
                 "Jana Beispiel</span></li><li><img src='/mm.jpg' alt=''><span "
                 "class='author-name'>Max Muster</span></li></ul>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  // A byline's blocks: what follows the names on lines of their own (the
  // desk, the date) is none of them.
  EXPECT_EQ(page("<div class='byline-block'><div class='contributor'>Jana "
                 "Beispiel &amp; Max Muster</div><div>Nachrichten Nord</div>"
                 "<div>7. Juli 2019</div></div>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel", "Max Muster"}));
  // The same class for the photographer's credit names no writer.
  EXPECT_EQ(page("<p>Text: <a class='author-name'>Jana Beispiel</a></p><p>"
                 "Fotos: <a class='author-name'>Max Muster</a></p>",
                 "Jana Beispiel")
                .authors,
            (std::vector<std::string>{"Jana Beispiel"}));
}

// A user name the publishing system made of the writer's name, as a JSON-LD
// graph's Person gives it, is the printed byline's writer; another's is not.
TEST(PrintedMetadataTest, UserNameOfTheBylinesWriter) {
  const auto page = [](const std::string& user) {
    return ExtractHtmlDoc(
        "<html><head><script type='application/ld+json'>{\"@context\": "
        "\"https://schema.org\", \"@graph\": [{\"@type\": \"Article\", "
        "\"headline\": \"Der Rat\", \"author\": {\"@id\": \"#p\"}}, "
        "{\"@type\": \"Person\", \"@id\": \"#p\", \"name\": \"" +
        user +
        "\"}]}</script></head><body><h1>Der Rat</h1><div>Von Jana "
        "Beispiel</div>" +
        std::string(kCouncilBody) + "</body></html>");
  };
  EXPECT_EQ(page("jbeispiel").authors,
            (std::vector<std::string>{"Jana Beispiel"}));
  EXPECT_EQ(page("jana.beispiel").authors,
            (std::vector<std::string>{"Jana Beispiel"}));
  EXPECT_EQ(page("mmuster").authors, (std::vector<std::string>{"mmuster"}));
}

// A piece's credits name its writer by the text ("Text: X", "Text und Fotos:
// X"), with the colon and a name's shape after it; the same word alone, or
// before a reading, names no one.
TEST(PrintedMetadataTest, AuthorFromTextCredits) {
  const auto page = [](const std::string& after) {
    return ExtractHtmlDoc(std::string("<html><body><h1>Der Rat</h1>") +
                          kCouncilBody + after + "</body></html>");
  };
  EXPECT_EQ(page("<p>Text: Miriam Kessler</p>").authors,
            std::vector<std::string>{"Miriam Kessler"});
  EXPECT_EQ(page("<p><i>Text und Fotos: Anna Lindner</i></p>").authors,
            std::vector<std::string>{"Anna Lindner"});
  EXPECT_EQ(page("<p>Words: Miriam Kessler. Photos: Ben Roe.</p>").authors,
            std::vector<std::string>{"Miriam Kessler"});
  EXPECT_TRUE(page("<p>Text: Lukas 2, 1-20</p>").authors.empty());
  EXPECT_TRUE(page("<div>Texte</div><div>Valider</div>").authors.empty());
}

// A Chinese report credits its reporters in brackets at its opening (its
// first or second paragraph), before the editors its closing line credits; a
// bracket that names no one, or holds more than names, credits none.
TEST(PrintedMetadataTest, ReporterCreditOpeningAChineseReport) {
  const auto authors = [](const std::string& opening) {
    return ExtractHtmlDoc(
               "<html><body><h1>\u6210\u90fd\u56fe\u4e66\u9986"
               "\u65b0\u9986\u5f00\u653e</h1><div><p>" +
               opening +
               "\u4f4d\u4e8e\u5929\u5e9c\u65b0\u533a\u7684"
               "\u56fe\u4e66\u9986\u65b0\u9986\u5c06\u4e8e 7 "
               "\u6708 1 \u65e5\u8d77\u8bd5\u5f00\u653e\uff0c"
               "\u9996\u6279\u5f00\u653e\u4e00\u81f3\u4e09"
               "\u5c42\u3002</p></div></body></html>")
        .authors;
  };
  EXPECT_EQ(authors("\u672c\u62a5\u8baf\uff08\u8bb0\u8005 \u9648\u6653"
                    "\u96ef\uff09"),
            std::vector<std::string>{"\u9648\u6653\u96ef"});
  EXPECT_EQ(authors("\u65b0\u534e\u793e\u5317\u4eac6\u670821\u65e5\u7535"
                    "\uff08\u8bb0\u8005\u738b\u660e\u3001\u674e\u534e"
                    "\uff09"),
            (std::vector<std::string>{"\u738b\u660e", "\u674e\u534e"}));
  EXPECT_TRUE(authors("\u672c\u62a5\u8baf\uff08\u8bb0\u8005\u4ece\u5e02"
                      "\u6587\u5316\u5e7f\u7535\u65c5\u6e38\u5c40\u83b7"
                      "\u6089\uff09")
                  .empty());
  const Article a = ExtractHtmlDoc(
      "<html><body><h1>\u9f99\u4e95\u6625\u8336\u5f00\u91c7</h1><div><p>"
      "\u8336\u519c\u5728\u6885\u5bb6\u575e\u91c7\u6458\u6625\u8336\u3002"
      "</p><p>\u65b0\u534e\u793e\u676d\u5dde4\u670818\u65e5\u7535\uff08"
      "\u8bb0\u8005 \u738b\u660e\uff09\u6e05\u660e\u8fc7\u540e\uff0c"
      "\u676d\u5dde\u897f\u6e56\u5468\u8fb9\u7684\u9f99\u4e95\u8336\u56ed"
      "\u8fdb\u5165\u6625\u8336\u91c7\u6458\u9ad8\u5cf0\u3002</p><p>"
      "\u7f16\u8f91\uff1a\u5f20\u857e \u8d23\u4efb\u7f16\u8f91\uff1a"
      "\u674e\u534e</p></div></body></html>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"\u738b\u660e"});
}

// A label printed apart from the name it labels: the name is the next block.
TEST(PrintedMetadataTest, AuthorUnderALabelOfItsOwn) {
  const std::string body = kCouncilBody;
  Article a = ExtractHtmlDoc("<html><body><h1>Der Rat</h1>" + body +
                             "<section><h4>Autorin</h4><p><a "
                             "href='/p/jb'>Jana Beispiel</a></p></section>"
                             "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jana Beispiel"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>Le conseil</h1><dl><dt>Auteur :</dt>"
      "<dt>Auteur(s) :</dt><dd>Paul Exemple</dd></dl>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Paul Exemple"}));
  // Chinese credits, with a full-width colon and no space before the label,
  // on the line or above the name.
  const std::string zh_body =
      "<div class='text'><p>\u5e02\u653f\u5e9c\u5468\u4e94\u5ba3\u5e03"
      "\uff0c\u65b0\u6865\u5c06\u4e8e\u4e0b\u6708\u5f00\u901a\uff0c"
      "\u5c4a\u65f6\u4e24\u5cb8\u5c45\u6c11\u51fa\u884c\u65f6\u95f4"
      "\u5c06\u5927\u5927\u7f29\u77ed\u3002</p></div>";
  a = ExtractHtmlDoc("<html><body><h1>\u65b0\u6865\u5f00\u901a</h1>" + zh_body +
                     "<div>\u3010\u8d23\u4efb\u7f16\u8f91\uff1a"
                     "\u738b\u660e\u3011</div></body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"\u738b\u660e"}));
  a = ExtractHtmlDoc(
      "<html><body><h1>\u65b0\u6865\u5f00\u901a</h1><div>"
      "\u8bb0\u8005\uff1a</div><div>\u674e\u534e</div>" +
      zh_body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"\u674e\u534e"}));
  // A Japanese byline sets the name off its label by a space.
  a = ExtractHtmlDoc(
      "<html><body><h1>\u65b0\u6865\u5f00\u901a</h1><div><span>\u8a18"
      "\u8005</span> \u4f50\u85e4\u5065\u4e00</div>" +
      zh_body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"\u4f50\u85e4\u5065\u4e00"}));
  // Turkish labels the writer "Yazar".
  a = ExtractHtmlDoc(
      "<html><body><h1>Le conseil</h1><div>Yazar: Ay\u015fe "
      "Y\u0131lmaz</div>" +
      body + "</body></html>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ay\u015fe Y\u0131lmaz"}));
}

// A wire story's dateline credits its agencies in brackets after the place,
// a dash following: the first code, and those after it opening with a
// capital (a lower-case one is the agency's regional service).
TEST(PrintedMetadataTest, AgenciesOfAWireDateline) {
  using extract_internal::DatelineAgencies;
  using Names = std::vector<std::string>;
  EXPECT_EQ(DatelineAgencies("Meschede (dpa/lnw) \u2013 Zwei Tage nach dem "
                             "Sturm sind Stra\u00dfen gesperrt."),
            Names{"dpa"});
  EXPECT_EQ(DatelineAgencies("Berlin (AFP/Reuters) - Die Regierung hat am "
                             "Montag beschlossen."),
            (Names{"AFP", "Reuters"}));
  EXPECT_EQ(DatelineAgencies("PINECREST, Mont. (AP) \u2014 A wildfire forced "
                             "an evacuation."),
            Names{"AP"});
  // No dash after the bracket, a place of lower-case words, a bracket of
  // figures: no dateline.
  EXPECT_TRUE(DatelineAgencies("Schmidt (SPD) sagte am Montag, er sei "
                               "zufrieden.")
                  .empty());
  EXPECT_TRUE(DatelineAgencies("Nach dem Sturm (dpa) \u2013 Text.").empty());
  EXPECT_TRUE(
      DatelineAgencies("Berlin (3,7 Mio.) \u2013 Die Stadt w\u00e4chst.")
          .empty());
  // A wire story whose page names no writer is the agency's.
  const Article a = ExtractHtmlDoc(
      "<html><body><article><h1>Sperrung auf der A1</h1><p>Remscheid "
      "(dpa/lnw) \u2013 Nach einem schweren Unfall mit zwei Lastwagen ist die "
      "Autobahn 1 bei Remscheid am Mittwochmorgen gesperrt worden.</p><p>Ein "
      "Fahrer wurde leicht verletzt, teilte die Polizei mit, die Bergung "
      "dauerte bis zum Nachmittag.</p></article></body></html>");
  EXPECT_EQ(a.authors, Names{"dpa"});
  // The agency the metadata credits yields to the writers the byline names,
  // the agency's name after theirs none of the last one's.
  const Article b = ExtractHtmlDoc(
      "<html><head><meta name='author' content='Reuters'></head><body>"
      "<article><h1>Shipper cuts outlook</h1><div>By Jane Doe and John Roe "
      "Reuters</div><p>OSLO, May 3 (Reuters) - A container shipper cut its "
      "profit forecast on Thursday, blaming a steep fall in freight "
      "rates.</p><p>Its shares fell as much as eight percent in early trading, "
      "their biggest drop in three years.</p></article></body></html>");
  EXPECT_EQ(b.authors, (Names{"Jane Doe", "John Roe"}));
}

}  // namespace
}  // namespace dateline
