#pragma once
// A post: typed front matter plus its document tree.
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace folio {

enum class Kind { article, opinion, letter, event, statement, news, page };

// "article" -> Kind::article; nullopt for an unknown name.
std::optional<Kind> kind_from_string(std::string_view name);
const char* to_string(Kind kind);
// "Article", "Opinion", "Letter", "Event", "Joint statement"...: the label a reader sees.
const char* kind_label(Kind kind);

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31, valid for the month

    // YYYY-MM-DD
    std::string iso() const;
    friend auto operator<=>(const Date&, const Date&) = default;
};
// A calendar-checked ISO date (2017-02-31 is rejected); nullopt if invalid.
std::optional<Date> parse_iso_date(std::string_view text);

struct DateTime {
    Date date;
    std::optional<int> hour;  // local time as written; events only
    std::optional<int> minute;
    std::string iso() const;  // YYYY-MM-DD or YYYY-MM-DDTHH:MM
    // The time as both outputs print it, in the British style: "5.00 pm",
    // "12.30 pm", "9.00 am"; empty without a time.
    std::string clock() const;
};
// YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM.
std::optional<DateTime> parse_iso_datetime(std::string_view text);

// A letter's sender or recipient.
struct Party {
    std::string name;
    std::string role;
    std::vector<std::string> address;  // lines
};

struct EventInfo {
    std::optional<DateTime> when;
    std::string venue;
    std::string admission;
};

struct PostMeta {
    std::string title;
    Date date;
    Kind kind = Kind::article;
    std::vector<std::string> authors;
    std::string summary;
    std::vector<std::string> tags;
    std::string lang = "en-GB";
    std::string original;  // "Korea JoongAng Daily, 6 February 2017"

    // letters
    std::optional<Party> from;
    std::optional<Party> to;
    std::string salutation;  // "Dear Lord Alton,"
    std::string closing;     // "Yours sincerely,"
    std::string signature;   // the signer's name
    std::vector<std::string> cc;

    // events
    std::optional<EventInfo> event;

    SourcePos title_pos;  // for diagnostics that concern the post as a whole
    SourcePos date_pos;   // of the `date` value, for a file name that disagrees with it
};

// How a letter ends, one rule for both writers (LOOK.md "Letter"): the
// closing, "Yours sincerely," when a signer is given without one; the
// signer's name, the signature or else the sender; under it the sender's role
// when the sender signs, otherwise the sender's role or name (the body for
// which the signer writes).
struct SignOff {
    std::string closing;
    std::string signer;
    std::string role;
};
SignOff letter_sign_off(const PostMeta& meta);

struct Post {
    std::string path;  // as given on the command line or found in input/
    std::string slug;  // file name without date prefix and extension: unique id in a pack
    PostMeta meta;
    Document doc;
};

}  // namespace folio
