#include "extract/text_rules.h"

#include <gtest/gtest.h>

namespace dateline::extract_internal {
namespace {

struct FurnitureCase {
  const char* line;
  FurnitureKind want;
};

class FurnitureLineTest : public testing::TestWithParam<FurnitureCase> {};

TEST_P(FurnitureLineTest, Classifies) {
  const FurnitureCase& c = GetParam();
  EXPECT_EQ(FurnitureKindName(ClassifyFurnitureLine(c.line)),
            std::string(FurnitureKindName(c.want)))
      << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, FurnitureLineTest,
    testing::Values(
        FurnitureCase{"author_image Jane Doe", FurnitureKind::kAuthor},
        FurnitureCase{"By Omar Haddad", FurnitureKind::kAuthor},
        FurnitureCase{"Written by Lena Petrova and Sam Okafor",
                      FurnitureKind::kAuthor},
        FurnitureCase{"By the end of the week, the two armies had withdrawn "
                      "from the valley.",
                      FurnitureKind::kNone},
        FurnitureCase{"Soldiers patrol the border town on Monday (Photo: "
                      "Defence Ministry).",
                      FurnitureKind::kCaption},
        FurnitureCase{"Protesters gather outside parliament. AFP/Getty Images",
                      FurnitureKind::kCaption},
        FurnitureCase{"(Photo credit should read STR/AFP)",
                      FurnitureKind::kCaption},
        FurnitureCase{"Foto: dpa/Jana Beispiel", FurnitureKind::kCaption},
        FurnitureCase{"Anzeige: Dieses Video enth\u00e4lt Werbung (unbezahlt).",
                      FurnitureKind::kSocial},
        FurnitureCase{"This post may contain affiliate links; we may earn a "
                      "commission when you buy through them.",
                      FurnitureKind::kSocial},
        // A long paragraph that discusses affiliate links is text.
        FurnitureCase{"Regulators said on Tuesday that influencers who use "
                      "affiliate links must say so clearly, and that the new "
                      "rules will apply to every platform operating in the "
                      "country from the start of next year, with fines for "
                      "repeated breaches.",
                      FurnitureKind::kNone},
        FurnitureCase{"Titelbild: Die Br\u00fccke im Winter",
                      FurnitureKind::kCaption},
        FurnitureCase{"Der B\u00fcrgermeister bei der Er\u00f6ffnung. Foto: "
                      "Stadt Gnaur",
                      FurnitureKind::kCaption},
        // A long paragraph with a caption flattened into it is text.
        FurnitureCase{"The ferry anchors off the port on Monday. Photo: AP The "
                      "coast guard said it could not board the ship without "
                      "permission from the flag state, and talks with the "
                      "owners went on late into the night.",
                      FurnitureKind::kNone},
        FurnitureCase{"Kategorie: Verkehr, Umwelt",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Themen: Verkehr, Hafen", FurnitureKind::kRelatedLink},
        FurnitureCase{"Filed under: Politics, Europe",
                      FurnitureKind::kRelatedLink},
        // Without the colon, or as a sentence, these are prose.
        FurnitureCase{"Posted in the desert for months, the soldiers came "
                      "home on Friday.",
                      FurnitureKind::kNone},
        FurnitureCase{"Tags: the council keeps a list of every tree it has "
                      "felled, and of every tree it has planted.",
                      FurnitureKind::kNone},
        FurnitureCase{
            "Read More: Ministers meet in Ankara to discuss the border",
            FurnitureKind::kRelatedLink},
        FurnitureCase{"Related: Ceasefire talks stall",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"See also the full timeline of the conflict",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Also read: Five things to know",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Lesen Sie auch", FurnitureKind::kRelatedLink},
        FurnitureCase{"Weitere Meldungen 09.09.2007 - Heimniederlage gegen "
                      "Elstorf",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Articoli correlati", FurnitureKind::kRelatedLink},
        FurnitureCase{"\u00c0 lire aussi", FurnitureKind::kRelatedLink},
        FurnitureCase{"Czytaj tak\u017ce:", FurnitureKind::kRelatedLink},
        FurnitureCase{"Edited by John Smith", FurnitureKind::kCredit},
        FurnitureCase{"Reporting by Ali Kadhim; Editing by Mark Heinrich",
                      FurnitureKind::kCredit},
        // The editor in charge closing a Chinese article.
        FurnitureCase{"\uff08\u8d23\u4efb\u7f16\u8f91\uff1a\u738b\u660e\uff09",
                      FurnitureKind::kCredit},
        FurnitureCase{"\u8d23\u4efb\u7f16\u8f91\uff1a\u738b\u660e",
                      FurnitureKind::kCredit},
        FurnitureCase{"Kurdistan Herald \xC2\xA9"
                      "Copyright 2020",
                      FurnitureKind::kCopyright},
        FurnitureCase{"\xC2\xA9 2019 Example Media Group",
                      FurnitureKind::kCopyright},
        FurnitureCase{"All Rights Reserved", FurnitureKind::kCopyright},
        FurnitureCase{"App Store Google Play", FurnitureKind::kApps},
        FurnitureCase{"Download", FurnitureKind::kApps},
        FurnitureCase{"Listen To", FurnitureKind::kApps},
        FurnitureCase{"Eutelsat11200 V 27500", FurnitureKind::kBroadcast},
        FurnitureCase{"98.3FM", FurnitureKind::kBroadcast},
        FurnitureCase{"Home - Privacy Policy - Terms of Use - Contact",
                      FurnitureKind::kSiteMap},
        FurnitureCase{"MOSUL \xC2\xA0 BASRA \xC2\xA0 NAJAF",
                      FurnitureKind::kPlaceList},
        FurnitureCase{"Advertisement", FurnitureKind::kSocial},
        // An advertising slot's label alone, set apart by dashes or brackets,
        // in the web's languages, and the note over a slot in the text.
        FurnitureCase{"- Advertisement -", FurnitureKind::kSocial},
        FurnitureCase{"[ Anzeige ]", FurnitureKind::kSocial},
        FurnitureCase{"\u2014 Publicidade \u2014", FurnitureKind::kSocial},
        FurnitureCase{"- Publicitat -", FurnitureKind::kSocial},
        FurnitureCase{
            "- \u0394\u03b9\u03b1\u03c6\u03ae\u03bc\u03b9\u03c3\u03b7 -",
            FurnitureKind::kSocial},
        FurnitureCase{"\u0420\u0415\u041a\u041b\u0410\u041c\u0410",
                      FurnitureKind::kSocial},
        FurnitureCase{"Story continues below advertisement",
                      FurnitureKind::kSocial},
        FurnitureCase{"Advertising revenue fell by a third last year.",
                      FurnitureKind::kNone},
        FurnitureCase{"Anzeige erstattet", FurnitureKind::kNone},
        // A byline with the date after a bar.
        FurnitureCase{"By Jane Doe | Feb 2, 2023, 4:05pm CST Updated Feb 2, "
                      "2023, 7:40pm CST",
                      FurnitureKind::kAuthor},
        FurnitureCase{"By the end of the week | the council had met three "
                      "times and agreed on nothing at all",
                      FurnitureKind::kNone},
        // Wire credits, notes of first publication, opinion disclaimers.
        FurnitureCase{"Avec les informations de La Presse canadienne",
                      FurnitureKind::kCredit},
        FurnitureCase{"(With inputs from PTI)", FurnitureKind::kCredit},
        // A wire's credits in brackets, a magazine's note on its issue, a
        // release's embargo line.
        FurnitureCase{"(Reporting by Ali Kadhim; Editing by Mark Heinrich)",
                      FurnitureKind::kCredit},
        FurnitureCase{"[Compiled by Jane Doe in Vienna]",
                      FurnitureKind::kCredit},
        FurnitureCase{"This article appears in the March 2023 issue of The "
                      "Monthly. Subscribe now.",
                      FurnitureKind::kCredit},
        FurnitureCase{"Embargo: 00:01hrs, Wednesday 12 May 2021",
                      FurnitureKind::kCredit},
        // An interview's credit of its interviewer, a line of its own.
        FurnitureCase{"Das Gespr\u00e4ch f\u00fchrte Jana Beispiel.",
                      FurnitureKind::kCredit},
        FurnitureCase{"Propos recueillis par P.-Y. L.", FurnitureKind::kCredit},
        FurnitureCase{"(Reporters said the talks would resume on Monday.)",
                      FurnitureKind::kNone},
        FurnitureCase{"This article was originally published on The "
                      "Conversation. Read the original article.",
                      FurnitureKind::kCredit},
        FurnitureCase{"The views expressed in this column are the author's "
                      "own and do not necessarily reflect those of the paper.",
                      FurnitureKind::kSocial},
        FurnitureCase{"\u0424\u043e\u0442\u043e: "
                      "\u0430\u0440\u0445\u0438\u0432",
                      FurnitureKind::kCaption},
        // A link to the story's pictures or video, opened by the medium.
        FurnitureCase{"Photos: The storm hits the coast",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Bildergalerie: Der Umzug durch die Altstadt (12 Bilder)",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"V\u00cdDEO: La ministra presenta el plan (01:42)",
                      FurnitureKind::kRelatedLink},
        FurnitureCase{"Video: the council voted on Friday to close the pool.",
                      FurnitureKind::kNone},
        FurnitureCase{"Share this article", FurnitureKind::kSocial},
        // A short pitch closed by a call to sign up; the words inside a
        // sentence are prose.
        FurnitureCase{"Do you want to be informed of our actions? Sign up here",
                      FurnitureKind::kSocial},
        FurnitureCase{"Kein Spiel mehr verpassen? Jetzt Newsletter "
                      "abonnieren \u2192",
                      FurnitureKind::kSocial},
        FurnitureCase{"Residents can sign up here for the new bus service "
                      "from Monday.",
                      FurnitureKind::kNone},
        // A call to join a channel on a messaging app.
        FurnitureCase{"\U0001F4E2 \u00danete a nuestro canal de WhatsApp y "
                      "recibe las noticias del d\u00eda. S\u00edguenos "
                      "aqu\u00ed",
                      FurnitureKind::kSocial},
        FurnitureCase{"Gary Doe on the touchline last month. Picture: Jane Roe",
                      FurnitureKind::kCaption},
        // Captions' credits in Russian, in French spacing and of a video.
        FurnitureCase{"\u0423\u043b\u0438\u0446\u0430 \u041b\u0435\u043d"
                      "\u0438\u043d\u0430 \u0443\u0442\u0440\u043e\u043c. "
                      "\u0424\u043e\u0442\u043e: \u0418\u0432\u0430\u043d "
                      "\u041f\u0435\u0442\u0440\u043e\u0432",
                      FurnitureKind::kCaption},
        FurnitureCase{"Photos : Jean Dupont / La Gazette",
                      FurnitureKind::kCaption},
        FurnitureCase{"Los diputados votan la reforma. (Video: Canal del "
                      "Parlamento)",
                      FurnitureKind::kCaption},
        // Chinese and Japanese captions' bracketed credits, a repost's first
        // headline and source, and a medium's label.
        FurnitureCase{"受害人手持標語在法院外聚集。（區家豪攝）",
                      FurnitureKind::kCaption},
        FurnitureCase{"学员们的诗集《晚来的字》。受访者供图",
                      FurnitureKind::kCaption},
        FurnitureCase{"他在现场拍摄了照片，并交给了警方。",
                      FurnitureKind::kNone},
        FurnitureCase{"（原标题：十年夜校，四百多位老学生在这里认字写诗）",
                      FurnitureKind::kCredit},
        FurnitureCase{"本文来源：江城晚报", FurnitureKind::kCredit},
        FurnitureCase{"動画：組閣後に記者会見する首相（3分12秒）",
                      FurnitureKind::kRelatedLink},
        // A French note over an ad slot; an agency's credit on its own line;
        // rights reserved in other languages.
        FurnitureCase{"La suite apr\u00e8s la publicit\u00e9",
                      FurnitureKind::kSocial},
        FurnitureCase{"(Avec AFP)", FurnitureKind::kCredit},
        FurnitureCase{"Avec Belga", FurnitureKind::kCredit},
        FurnitureCase{"With friends and family", FurnitureKind::kNone},
        FurnitureCase{"RIPRODUZIONE RISERVATA \u00a9 Copyright ANSA",
                      FurnitureKind::kCopyright},
        // A broadcaster's markers around an embedded post and its note on
        // external links; a press release's status line.
        FurnitureCase{"End of twitter post by Ambulance Workers' Union",
                      FurnitureKind::kSocial},
        FurnitureCase{"The UKBC is not responsible for the content of "
                      "external sites.",
                      FurnitureKind::kSocial},
        FurnitureCase{"FOR IMMEDIATE RELEASE", FurnitureKind::kCredit},
        // A breadcrumb's path; a sentence about a home is prose.
        FurnitureCase{"Home > News > Pancake Breakfast Results",
                      FurnitureKind::kSiteMap},
        FurnitureCase{"Startseite \u00bb Lokales \u00bb Polizei",
                      FurnitureKind::kSiteMap},
        FurnitureCase{"Home prices rose 4% in May", FurnitureKind::kNone},
        FurnitureCase{"Homeowners / renters: what changes",
                      FurnitureKind::kNone},
        // A table of contents' heading.
        FurnitureCase{"Table of Contents", FurnitureKind::kRelatedLink},
        FurnitureCase{"Inhaltsverzeichnis", FurnitureKind::kRelatedLink},
        // A story's reading time; a sentence that names one is prose.
        FurnitureCase{"5 min read", FurnitureKind::kSocial},
        FurnitureCase{"Lesezeit: 4 Minuten", FurnitureKind::kSocial},
        FurnitureCase{"Reading time fell to 5 min.", FurnitureKind::kNone},
        // A betting offer's notices required by the advertising codes.
        FurnitureCase{"18+. New customers only. Min odds 1/2. T&Cs apply. "
                      "BeGambleAware.org",
                      FurnitureKind::kSocial},
        FurnitureCase{"The regulator fined the bookmaker for failing to "
                      "check new customers' accounts.",
                      FurnitureKind::kNone},
        FurnitureCase{
            "The minister said the copyright bill would be debated next week.",
            FurnitureKind::kNone},
        FurnitureCase{
            "Security forces arrested three suspects in the city on Tuesday.",
            FurnitureKind::kNone}));

struct DatelineCase {
  const char* paragraph;
  const char* want;  // nullptr: no dateline
};

class DatelineTest : public testing::TestWithParam<DatelineCase> {};

TEST_P(DatelineTest, FindsPlace) {
  const DatelineCase& c = GetParam();
  std::optional<std::string> got = ParseDatelinePlace(c.paragraph);
  if (c.want == nullptr) {
    EXPECT_FALSE(got.has_value()) << c.paragraph << " -> " << got.value_or("");
  } else {
    ASSERT_TRUE(got.has_value()) << c.paragraph;
    EXPECT_EQ(*got, c.want);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Paragraphs, DatelineTest,
    testing::Values(
        DatelineCase{"ERBIL (Kurdistan 24) \xE2\x80\x93\xC2\xA0The minister "
                     "met the general.",
                     "Erbil"},
        DatelineCase{
            "BAGHDAD, June 3 (Reuters) - Iraqi forces said on Thursday ...",
            "Baghdad"},
        DatelineCase{"KABUL \xE2\x80\x94 Negotiators met on Thursday.",
                     "Kabul"},
        DatelineCase{"NEW YORK (AP) \xE2\x80\x94 Stocks fell.", "New York"},
        DatelineCase{"SAN'A, Yemen \xE2\x80\x94 Houthi forces advanced.",
                     "San'a"},
        DatelineCase{"The minister met the general in Erbil on Thursday.",
                     nullptr},
        DatelineCase{"NATO said on Monday that it would send more troops.",
                     nullptr},
        DatelineCase{"US-led forces struck a base near the border.", nullptr},
        DatelineCase{"", nullptr}));

TEST(TextRulesTest, CopyrightYear) {
  EXPECT_EQ(FindCopyrightYear("Kurdistan24 \xC2\xA9"
                              "Copyright 2021"),
            2021);
  EXPECT_EQ(FindCopyrightYear("\xC2\xA9 2019-2022 Example Media"), 2022);
  EXPECT_EQ(FindCopyrightYear("Copyright (c) 2018 Foo Ltd."), 2018);
  EXPECT_FALSE(FindCopyrightYear("The year 2021 was hard").has_value());
  EXPECT_FALSE(FindCopyrightYear("\xC2\xA9 Example Media").has_value());
}

TEST(TextRulesTest, DateFromUrl) {
  EXPECT_EQ(DateFromUrl("https://x.org/news/2021/06/03/story"),
            (PartialDate{2021, 6, 3}));
  EXPECT_EQ(DateFromUrl("https://x.org/2019-11-19/story.html"),
            (PartialDate{2019, 11, 19}));
  EXPECT_EQ(DateFromUrl("https://x.org/a/20191119/story"),
            (PartialDate{2019, 11, 19}));
  EXPECT_EQ(DateFromUrl("https://x.org/2017/12/spiced-jam/"),
            (PartialDate{2017, 12, 0}));
  EXPECT_EQ(
      DateFromUrl("https://x.org/wv/statements/2019/nov/18/someone/claim/"),
      (PartialDate{2019, 11, 18}));
  EXPECT_EQ(DateFromUrl("https://x.org/2019/September/5/story"),
            (PartialDate{2019, 9, 5}));
  EXPECT_EQ(DateFromUrl("https://x.org/2019/sept/story"),
            (PartialDate{2019, 9, 0}));
  EXPECT_FALSE(DateFromUrl("https://x.org/2019/novel/18/").has_value());
  EXPECT_FALSE(DateFromUrl("https://x.org/2019/13/40/story").has_value());
  EXPECT_FALSE(DateFromUrl("https://2021.example.org/story").has_value());
  EXPECT_FALSE(DateFromUrl("https://x.org/story-471031").has_value());
}

TEST(TextRulesTest, DateInLine) {
  using D = std::optional<PartialDate>;
  EXPECT_EQ(FindDateInLine("19.10.2019 07:49 Uhr"), (D{{2019, 10, 19}}));
  EXPECT_EQ(FindDateInLine("Aktualisiert: 3.2.2022"), (D{{2022, 2, 3}}));
  EXPECT_EQ(FindDateInLine("Written: 2023-11-07 15:03:30"), (D{{2023, 11, 7}}));
  EXPECT_EQ(FindDateInLine("Hamburg, 2. November 2021"), (D{{2021, 11, 2}}));
  EXPECT_EQ(FindDateInLine("12. M\xC3\xA4rz 2020"), (D{{2020, 3, 12}}));
  EXPECT_EQ(FindDateInLine("Mise en ligne 23 mai 2019"), (D{{2019, 5, 23}}));
  EXPECT_EQ(FindDateInLine("5 de mayo de 2020"), (D{{2020, 5, 5}}));
  EXPECT_EQ(FindDateInLine("Posted on September 21, 2020 by Jane"),
            (D{{2020, 9, 21}}));
  EXPECT_EQ(FindDateInLine("December 29th 2019"), (D{{2019, 12, 29}}));
  EXPECT_EQ(FindDateInLine("Sept. 5, 2019"), (D{{2019, 9, 5}}));
  // Slashes: day first unless the page writes month first; numbers that fit
  // only one order decide it.
  EXPECT_EQ(FindDateInLine("12/10/2020"), (D{{2020, 10, 12}}));
  EXPECT_EQ(FindDateInLine("11/01/2023 12:43", true), (D{{2023, 11, 1}}));
  EXPECT_EQ(FindDateInLine("11/25/2023", false), (D{{2023, 11, 25}}));
  // Hyphens the same (forum software's "03-22-2012, 09:14 PM").
  EXPECT_EQ(FindDateInLine("03-02-2012, 09:14 PM", true), (D{{2012, 3, 2}}));
  EXPECT_EQ(FindDateInLine("03-02-2012", false), (D{{2012, 2, 3}}));
  EXPECT_EQ(FindDateInLine("03-22-2012", false), (D{{2012, 3, 22}}));
  EXPECT_EQ(FindDateInLine("22-03-2012", true), (D{{2012, 3, 22}}));
  // Two-digit years after dots, as POSIX's %y reads them.
  EXPECT_EQ(FindDateInLine("03.05.21 10:15"), (D{{2021, 5, 3}}));
  EXPECT_EQ(FindDateInLine("12.05.99"), (D{{1999, 5, 12}}));
  // Chinese and Japanese dates.
  EXPECT_EQ(FindDateInLine("\u53d1\u5e03\u65f6\u95f4\uff1a2021\u5e745\u6708"
                           "3\u65e5 10:15"),
            (D{{2021, 5, 3}}));
  EXPECT_EQ(FindDateInLine("2021\u5e74 05\u6708 03\u65e5"), (D{{2021, 5, 3}}));
  // A moment as ctime() and mail archives print it.
  EXPECT_EQ(FindDateInLine("Tue Feb  8 10:42:17 UTC 2022"), (D{{2022, 2, 8}}));
  EXPECT_EQ(FindDateInLine("Wed Mar 3 09:05 2021"), (D{{2021, 3, 3}}));
  // Months in the genitive or partitive of Polish, Finnish, Russian and
  // Ukrainian dates; Turkish and Arabic months, and Arabic-Indic digits.
  EXPECT_EQ(FindDateInLine("Autor: Anna Nowak, 14 marca 2022"),
            (D{{2022, 3, 14}}));
  EXPECT_EQ(FindDateInLine("Julkaistu 3. maaliskuuta 2021"), (D{{2021, 3, 3}}));
  EXPECT_EQ(FindDateInLine("3 \u043c\u0430\u0440\u0442\u0430 2021, 14:05"),
            (D{{2021, 3, 3}}));
  EXPECT_EQ(
      FindDateInLine(
          "12 \u043b\u0438\u0441\u0442\u043e\u043f\u0430\u0434\u0430 2023"),
      (D{{2023, 11, 12}}));
  EXPECT_EQ(FindDateInLine("5 Temmuz 2022 14:05"), (D{{2022, 7, 5}}));
  // Estonian, Bulgarian, Serbian in both scripts, Slovenian's genitive.
  EXPECT_EQ(FindDateInLine("15. jaanuar 2025, 07:00"), (D{{2025, 1, 15}}));
  EXPECT_EQ(FindDateInLine("15 \u044f\u043d\u0443\u0430\u0440\u0438 2025"),
            (D{{2025, 1, 15}}));
  EXPECT_EQ(FindDateInLine("15. decembar 2024."), (D{{2024, 12, 15}}));
  EXPECT_EQ(FindDateInLine("15. \u0434\u0435\u0446\u0435\u043c\u0431\u0430"
                           "\u0440 2024."),
            (D{{2024, 12, 15}}));
  EXPECT_EQ(FindDateInLine("3. oktobra 2024"), (D{{2024, 10, 3}}));
  EXPECT_EQ(FindDateInLine(
                "\u0663 \u0645\u0627\u0631\u0633 \u0662\u0660\u0662\u0661"),
            (D{{2021, 3, 3}}));
  EXPECT_EQ(FindDateInLine("3 \u0645\u0627\u0631\u0633 2021"),
            (D{{2021, 3, 3}}));
  EXPECT_EQ(
      FindDateInLine("\u0661\u0664/\u0660\u0663/\u0662\u0660\u0662\u0662"),
      (D{{2022, 3, 14}}));
  // Not a day: a version number, an impossible date, a year alone, a phone
  // number.
  EXPECT_EQ(FindDateInLine("Version 1.2.3"), D{});
  EXPECT_EQ(FindDateInLine("Version 1.2.21.4"), D{});
  EXPECT_EQ(FindDateInLine("\u7b2c12021\u5e745\u6708"), D{});
  EXPECT_EQ(FindDateInLine("31.02.2020"), D{});
  EXPECT_EQ(FindDateInLine("Im Jahr 2020"), D{});
  EXPECT_EQ(FindDateInLine("Tel. 030/123/4567"), D{});
}

TEST(TextRulesTest, ZonedTimes) {
  // The local day as written, and the moment in UTC.
  auto t = ParseZonedTime("2022-05-03T23:37:37-04:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->local_day, (PartialDate{2022, 5, 3}));
  EXPECT_EQ(t->offset_minutes, -240);
  const auto utc = ParseZonedTime("2022-05-04T03:37:37+00:00");
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc->local_day, (PartialDate{2022, 5, 4}));
  EXPECT_EQ(utc->offset_minutes, 0);
  EXPECT_EQ(t->utc_minute, utc->utc_minute);
  // Fractions of a second, a zone without a colon, a space before the time.
  const auto a = ParseZonedTime("2019-10-18T22:04:00.000Z");
  const auto b = ParseZonedTime("2019-10-19 00:04+0200");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->utc_minute, b->utc_minute);
  EXPECT_EQ(b->local_day, (PartialDate{2019, 10, 19}));
  // RFC 2822, with and without the weekday; GMT.
  const auto c = ParseZonedTime("Sat, 19 Oct 2019 00:04:00 +0200");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->local_day, (PartialDate{2019, 10, 19}));
  EXPECT_EQ(c->utc_minute, a->utc_minute);
  const auto d = ParseZonedTime("1 Mar 2021 09:30 GMT");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->offset_minutes, 0);
  EXPECT_EQ(d->local_day, (PartialDate{2021, 3, 1}));
  // No zone, no time, or not a moment at all.
  EXPECT_FALSE(ParseZonedTime("2022-05-03T23:37:37"));
  EXPECT_FALSE(ParseZonedTime("2022-05-03"));
  EXPECT_FALSE(ParseZonedTime("2022-05-03T25:00:00Z"));
  EXPECT_FALSE(ParseZonedTime("2022-02-30T10:00:00Z"));
  EXPECT_FALSE(ParseZonedTime("Sat, 19 Oct 2019 00:04:00 +2500"));
  EXPECT_FALSE(ParseZonedTime("Mittwoch, 19. Oktober um 10 Uhr"));
}

TEST(TextRulesTest, TrimAndCase) {
  EXPECT_EQ(TrimSpaces("\xC2\xA0 text \xE2\x80\x8B\n"), "text");
  EXPECT_EQ(TrimSpaces("\xC2\xA0 \t"), "");
  EXPECT_EQ(TitleCase("ERBIL"), "Erbil");
  EXPECT_EQ(TitleCase("RIO DE JANEIRO"), "Rio De Janeiro");
  EXPECT_EQ(TitleCase("\xC3\x87"
                      "ANKAYA"),
            "\xC3\x87"
            "ankaya");  // ÇANKAYA
  EXPECT_TRUE(EndsWithSentencePunctuation("He said so.\xE2\x80\x9D"));
  EXPECT_FALSE(EndsWithSentencePunctuation("Interior Minister meets general"));
}

// The comparisons of attribute values that make no lower-cased copy agree
// with comparing AsciiLower's copy.
TEST(TextRulesTest, NoCaseComparisonsAgreeWithAsciiLower) {
  EXPECT_TRUE(EqualsNoCase("Author", "author"));
  EXPECT_TRUE(EqualsNoCase("", ""));
  EXPECT_FALSE(EqualsNoCase("Authors", "author"));
  EXPECT_FALSE(EqualsNoCase("Auth", "author"));
  EXPECT_FALSE(EqualsNoCase("\xC3\x84uthor", "author"));
  EXPECT_TRUE(ContainsNoCase("post-BYLINE__name", "byline"));
  EXPECT_TRUE(ContainsNoCase("byline", "byline"));
  EXPECT_TRUE(ContainsNoCase("x-bylinE", "byline"));
  EXPECT_TRUE(ContainsNoCase("bybyline", "byline"));  // a false start first
  EXPECT_FALSE(ContainsNoCase("bylin", "byline"));
  EXPECT_FALSE(ContainsNoCase("by-line", "byline"));
  EXPECT_TRUE(ContainsNoCase("anything", ""));
  // Bytes that are no letter do not match one ('@' | 0x20 is '`', 0xC1 | 0x20
  // is 0xE1).
  EXPECT_FALSE(ContainsNoCase("@uthor", "`uthor"));
  EXPECT_FALSE(ContainsNoCase("\xC1uthor", "author"));
  EXPECT_TRUE(ContainsNoCase("x-1a", "-1a"));
  EXPECT_FALSE(ContainsNoCase("x\r1a", "-1a"));
  // Eight bytes are passed over at a time where none can start the word: the
  // word found at every place of long texts, and not found when cut short.
  const std::string filler = "xx-yy_zz.qq0123456789";
  for (size_t at = 0; at <= filler.size(); ++at) {
    for (std::string_view word : {"author", "Byline", "BYLINE"}) {
      std::string text = filler;
      text.insert(at, word);
      EXPECT_TRUE(ContainsNoCase(text, AsciiLower(word))) << text;
      text = filler;
      text.insert(at, word.substr(0, word.size() - 1));
      EXPECT_FALSE(ContainsNoCase(text, AsciiLower(word))) << text;
    }
  }
  for (std::string_view s : {"Entry-Author", "AUTHORS", "aut hor", "", "a"}) {
    for (std::string_view n : {"author", "a", "hor", "entry-author"}) {
      EXPECT_EQ(ContainsNoCase(s, n),
                AsciiLower(s).find(n) != std::string::npos)
          << s << " " << n;
      EXPECT_EQ(EqualsNoCase(s, n), AsciiLower(s) == n) << s << " " << n;
    }
  }
}

TEST(TextRulesTest, AppealHeadings) {
  EXPECT_TRUE(IsAppealHeading("Support local journalism"));
  EXPECT_TRUE(IsAppealHeading("\u2026 we have a small favour to ask."));
  EXPECT_TRUE(
      IsAppealHeading("Unterst\u00fctzen Sie unabh\u00e4ngigen "
                      "Journalismus"));
  EXPECT_FALSE(IsAppealHeading("Support for the plan grows"));
  EXPECT_FALSE(IsAppealHeading(
      "Become a member of the council and you will find that the work is "
      "harder than it looks"));
}

TEST(TextRulesTest, DonationLinks) {
  EXPECT_TRUE(IsDonationLink("/donate"));
  EXPECT_TRUE(IsDonationLink("https://www.example.org/dona/?utm=box"));
  EXPECT_TRUE(IsDonationLink("https://donate.example.org/"));
  EXPECT_TRUE(IsDonationLink("/spenden.html"));
  EXPECT_TRUE(IsDonationLink("/Faire-Un-Don#form"));
  EXPECT_FALSE(IsDonationLink("/news/donations-to-party-rise"));
  EXPECT_FALSE(IsDonationLink("https://example.org/donald-tusk/"));
  EXPECT_FALSE(IsDonationLink("https://www.example.org/"));
  EXPECT_FALSE(IsDonationLink(""));
}

TEST(TextRulesTest, AuthorLines) {
  EXPECT_EQ(ParseAuthorLine("author_image Wladimir van Wilgenburg"),
            (std::vector<std::string>{"Wladimir van Wilgenburg"}));
  // "and" in the other byline languages, between two full names only.
  EXPECT_EQ(SplitNameList("Jana Beispiel und Max Muster"),
            (std::vector<std::string_view>{"Jana Beispiel", "Max Muster"}));
  EXPECT_EQ(SplitNameList("Anna de Vries en Piet Jansen og Kari Nordmann"),
            (std::vector<std::string_view>{"Anna de Vries", "Piet Jansen",
                                           "Kari Nordmann"}));
  EXPECT_EQ(SplitNameList("Jos\u00e9 Ortega y Gasset"),
            (std::vector<std::string_view>{"Jos\u00e9 Ortega y Gasset"}));
  EXPECT_EQ(SplitNameList("Ana Ruiz en Montevideo"),
            (std::vector<std::string_view>{"Ana Ruiz en Montevideo"}));
  EXPECT_EQ(SplitNameList("Jane Doe, "),
            (std::vector<std::string_view>{"Jane Doe"}));
  EXPECT_EQ(SplitNameList("Jane Doe,John Roe;"),
            (std::vector<std::string_view>{"Jane Doe,John Roe"}));
  EXPECT_EQ(SplitNameList(",Jane Doe and John Roe ,"),
            (std::vector<std::string_view>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(ParseAuthorLine("By Jane Doe and John Roe"),
            (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(ParseAuthorLine("By Jane Doe | Reuters"),
            (std::vector<std::string>{"Jane Doe"}));
  // One word after a full name is an agency or a place.
  EXPECT_EQ(ParseAuthorLine("By Jane Doe, Reuters"),
            (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(ParseAuthorLine("By Jane Doe, John Roe and Ann Poe, Berlin"),
            (std::vector<std::string>{"Jane Doe", "John Roe", "Ann Poe"}));
  EXPECT_TRUE(ParseAuthorLine("Jane Doe").empty());
  // The by-words of the other languages, the date run into the byline no
  // part of the name; after them only a name-shaped part is a name.
  EXPECT_EQ(ParseAuthorLine("Von Jana Muster 05.10.2019, 18:54 Uhr "
                            "Aktualisiert: 05.10.2019, 21:20 Uhr"),
            (std::vector<std::string>{"Jana Muster"}));
  EXPECT_EQ(ParseAuthorLine("Par Jean-Marc Dupont Publi\u00e9 le 23/08/2016 "
                            "\u00e0 18h00 | Mis \u00e0 jour le 24/08/2016"),
            (std::vector<std::string>{"Jean-Marc Dupont"}));
  EXPECT_EQ(ParseAuthorLine("Por Ana Ruiz y Luis Gil"),
            (std::vector<std::string>{"Ana Ruiz", "Luis Gil"}));
  EXPECT_TRUE(ParseAuthorLine("Von Berlin nach Hamburg").empty());
  EXPECT_TRUE(ParseAuthorLine("Par ailleurs").empty());
  EXPECT_EQ(ClassifyFurnitureLine("Von Jana Muster 05.10.2019, 18:54 Uhr"),
            FurnitureKind::kAuthor);
}

// Days cut to two or three letters in the set's languages; longer or shorter
// words, and words no day name starts with, are not.
TEST(TextRulesTest, DayAbbreviations) {
  for (const char* w : {"Mi.", "Di", "tue", "Thu,", "ven.", "dom", "Mi\u00e9"})
    EXPECT_TRUE(IsDayAbbreviation(w)) << w;
  for (const char* w : {"M", "Mittwoch", "Tues.", "Jan", "Xy.", "", "."})
    EXPECT_FALSE(IsDayAbbreviation(w)) << w;
}

// Labels of a box about the writer, alone, with a colon or the writer's name;
// a sentence or a longer word opening the same way is none.
TEST(TextRulesTest, AuthorBioLabels) {
  for (const char* l : {"About the author", "\u00dcber die Autorin:",
                        "\u00c0 propos de l\u2019auteur",
                        "Sobre el autor Luis P\u00e9rez", " O autorze "})
    EXPECT_TRUE(IsAuthorBioLabel(l)) << l;
  for (const char* l :
       {"About the authority's plan", "Autor", "",
        "About the author of the new budget, the council said very little "
        "on Friday"})
    EXPECT_FALSE(IsAuthorBioLabel(l)) << l;
}

TEST(DateLabelTest, ReadsPublicationAndUpdateLabels) {
  EXPECT_EQ(ReadDateLabel("Published: June 3, 2021").label,
            DateLabel::kPublished);
  EXPECT_EQ(ReadDateLabel("Ver\u00f6ffentlicht am 3.6.2021").label,
            DateLabel::kPublished);
  EXPECT_EQ(ReadDateLabel("Mis \u00e0 jour le 4 juin 2021").label,
            DateLabel::kUpdated);
  EXPECT_EQ(ReadDateLabel("Last updated 4 June 2021").label,
            DateLabel::kUpdated);
  EXPECT_EQ(ReadDateLabel("3 June 2021, 10:15").label, DateLabel::kNone);
  // Whole words only.
  EXPECT_EQ(ReadDateLabel("Unpublished draft of 3 June 2021").label,
            DateLabel::kNone);
  EXPECT_EQ(ReadDateLabel("Reposted 3 June 2021").label, DateLabel::kNone);
  const std::string both =
      "Aktualisiert: 04.06.2021 | Erschienen am: 03.06.2021";
  const DateLabelRead read = ReadDateLabel(both);
  EXPECT_EQ(read.label, DateLabel::kPublished);
  EXPECT_EQ(both.substr(read.date_from), " am: 03.06.2021");
}

TEST(DatelineDateTest, ReadsADateSetOffByADash) {
  auto iso = [](std::string_view p) {
    const auto d = DatelineDate(p, /*month_first=*/false);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(iso("29.11.2022 \u2013 Die Regierung hat den Entwurf beschlossen."),
            "2022-11-29");
  EXPECT_EQ(iso("BERLIN, 3. Juni 2021 | Der Bundestag hat am Donnerstag ..."),
            "2021-06-03");
  // A date in the sentence itself is no dateline.
  EXPECT_EQ(iso("Am 3. Juni 2021 hat der Bundestag das Gesetz beschlossen."),
            "none");
  // Nor is a dash far into the text.
  EXPECT_EQ(iso("Der Bundestag hat das Gesetz am 3. Juni 2021 beschlossen "
                "- mit knapper Mehrheit."),
            "none");
}

}  // namespace
}  // namespace dateline::extract_internal
