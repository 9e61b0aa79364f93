#include "engine/render/diff_report.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/render/meetings_csv.h"

namespace fairmatch {
namespace {

// Names go to a terminal: a control character could move the cursor or
// split a line, so it prints as a space.
std::string Printable(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

// "A017 Ana Pérez <ana@x>", leaving out what is unknown.
std::string PersonLabel(const RecordedPerson& p) {
  std::string out = Printable(p.id);
  if (!p.name.empty()) absl::StrAppend(&out, " ", Printable(p.name));
  if (!p.email.empty()) absl::StrAppend(&out, " <", Printable(p.email), ">");
  return out;
}

// "10:00 -> 11:15", "10:00 table 1 -> 11:15 table 2", "14:00 (table 2)" or
// "09:30", after the kind and the other side's name.
std::string Place(const MeetingChange& c) {
  switch (c.kind) {
    case ChangeKind::kMoved:
      if (c.old_table == c.new_table) {
        return absl::StrCat(c.old_start, " -> ", c.new_start);
      }
      return absl::StrCat(c.old_start, " table ", c.old_table, " -> ",
                          c.new_start, " table ", c.new_table);
    case ChangeKind::kAdded:
      return absl::StrCat(c.new_start, " (table ", c.new_table, ")");
    case ChangeKind::kCancelled:
      return c.old_start;
    case ChangeKind::kRegrouped: {
      std::string text =
          absl::StrCat(c.new_start, " (table ", c.new_table, ")");
      if (!c.joined.empty()) {
        absl::StrAppend(&text, ", joined by ", absl::StrJoin(c.joined, ", "));
      }
      if (!c.left.empty()) {
        absl::StrAppend(&text, ", left by ", absl::StrJoin(c.left, ", "));
      }
      return text;
    }
  }
  return "";
}

std::string Count(int n, const char* noun) {
  return absl::StrCat(n, " ", noun, n == 1 ? "" : "s");
}

std::string TableCell(int table) {
  return table > 0 ? std::to_string(table) : "";
}

}  // namespace

std::string DescribeChange(const MeetingChange& c, bool for_employer) {
  std::string other;
  if (for_employer) {
    other = Printable(c.attendee);
    if (!c.attendee_name.empty()) {
      absl::StrAppend(&other, " ", Printable(c.attendee_name));
    }
  } else {
    other = Printable(c.employer_name.empty() ? c.employer : c.employer_name);
  }
  return absl::StrCat(ChangeKindName(c.kind), " ", other, " ", Place(c));
}

std::string RenderDiffText(const ScheduleDiff& diff) {
  std::string out;
  if (diff.identical()) {
    absl::StrAppend(&out, "no changes: ", Count(diff.kept, "attendee-meeting"),
                    " kept\n");
  } else {
    absl::StrAppend(&out, diff.kept, " kept, ", diff.moved, " moved, ",
                    diff.added, " added, ", diff.cancelled,
                    " cancelled (attendee-meetings)");
    if (diff.regrouped > 0) {
      absl::StrAppend(&out, "; ", diff.regrouped,
                      " kept with a change of who is at the table");
    }
    out.append("\n");
  }
  if (!diff.attendees.empty()) {
    out.append("\nattendees:\n");
    for (const PersonChanges& p : diff.attendees) {
      std::vector<std::string> parts;
      for (const MeetingChange& c : p.changes) {
        parts.push_back(DescribeChange(c, /*for_employer=*/false));
      }
      absl::StrAppend(&out, "  ", PersonLabel(p.person), ": ",
                      absl::StrJoin(parts, "; "), "\n");
    }
  }
  if (!diff.employers.empty()) {
    out.append("\nemployers:\n");
    for (const PersonChanges& p : diff.employers) {
      std::vector<std::string> parts;
      for (const MeetingChange& c : p.changes) {
        parts.push_back(DescribeChange(c, /*for_employer=*/true));
      }
      absl::StrAppend(&out, "  ", PersonLabel(p.person), ": ",
                      absl::StrJoin(parts, "; "), "\n");
    }
  }
  absl::StrAppend(
      &out, diff.identical() ? "" : "\n",
      "notify: ", Count(static_cast<int>(diff.attendees.size()), "attendee"),
      ", ", Count(static_cast<int>(diff.employers.size()), "employer"), "\n");
  return out;
}

std::string RenderDiffCsv(const ScheduleDiff& diff) {
  std::string out =
      "kind,attendee_id,attendee_name,email,employer_id,employer_name,"
      "old_start,old_table,new_start,new_table\r\n";
  for (const MeetingChange& c : diff.changes) {
    const std::vector<std::string> cells = {ChangeKindName(c.kind),
                                            c.attendee,
                                            c.attendee_name,
                                            c.attendee_email,
                                            c.employer,
                                            c.employer_name,
                                            c.old_start,
                                            TableCell(c.old_table),
                                            c.new_start,
                                            TableCell(c.new_table)};
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.append(CsvCell(cells[i]));
    }
    out.append("\r\n");
  }
  return out;
}

std::string RenderDiffJson(const ScheduleDiff& diff) {
  using nlohmann::ordered_json;
  ordered_json root = ordered_json::object();
  root["counts"] = {{"kept", diff.kept},
                    {"moved", diff.moved},
                    {"added", diff.added},
                    {"cancelled", diff.cancelled},
                    {"regrouped", diff.regrouped}};
  auto place = [](const std::string& start, int table) {
    if (start.empty()) return ordered_json(nullptr);
    return ordered_json{{"start", start}, {"table", table}};
  };
  ordered_json changes = ordered_json::array();
  for (const MeetingChange& c : diff.changes) {
    changes.push_back({{"kind", ChangeKindName(c.kind)},
                       {"attendee", c.attendee},
                       {"attendee_name", c.attendee_name},
                       {"email", c.attendee_email},
                       {"employer", c.employer},
                       {"employer_name", c.employer_name},
                       {"old", place(c.old_start, c.old_table)},
                       {"new", place(c.new_start, c.new_table)},
                       {"joined", c.joined},
                       {"left", c.left}});
  }
  root["changes"] = std::move(changes);
  ordered_json attendees = ordered_json::array();
  ordered_json employers = ordered_json::array();
  for (const NotifyEntry& n : diff.notify) {
    if (n.role == NotifyEntry::Role::kAttendee) {
      attendees.push_back({{"id", n.person.id},
                           {"name", n.person.name},
                           {"email", n.person.email},
                           {"changes", n.changes}});
    } else {
      employers.push_back({{"id", n.person.id},
                           {"name", n.person.name},
                           {"changes", n.changes}});
    }
  }
  root["notify"] = {{"attendees", std::move(attendees)},
                    {"employers", std::move(employers)}};
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace fairmatch
