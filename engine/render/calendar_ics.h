// calendar/<attendee-id>.ics: one iCalendar file (RFC 5545) per attendee
// with at least one conversation, one VEVENT per conversation, for import
// into any calendar application.
//
//   std::vector<OutputFile> files = RenderCalendars(fair, compat, schedule);
//   // files[i].name == "calendar/a001.ics", files[i].content == "BEGIN:..."
//
// Choices (see docs/outputs.md):
// - UID "<YYYYMMDD>-<attendee id>-<employer id>-<HHMM>@fairmatch": the same
//   conversation keeps its UID across reruns, and a change of table or group
//   updates the event in place; a move to another slot is a new event.
// - DTSTAMP is the event date at 00:00 UTC, so output is byte-identical
//   across runs (it does not record when the file was written). SEQUENCE is
//   the schedule's revision (0, then one more per rerun), so that a calendar
//   app takes a rerun's file as an update of the events it already has.
// - In a rerun, every conversation of the baseline that the new plan no
//   longer has for that attendee (dropped, or moved to another time, which
//   is a new UID) is written again under its old UID with STATUS:CANCELLED,
//   so importing the new file removes it instead of leaving a stale event.
//   An attendee who only lost conversations gets a file of cancellations.
// - With a time zone that the system tz database knows, times are written
//   DTSTART;TZID=<zone>:... with a VTIMEZONE holding the offsets in force on
//   the event day (from absl's tz database, read at render time). Without a
//   time zone, or with one the database does not know, times are floating
//   local times ("10:00 wherever you are"). X-WR-TIMEZONE names the zone
//   whenever one is given.
// - Text is escaped (RFC 5545 3.3.11), bytes that are not UTF-8 become
//   U+FFFD, other control characters become spaces; lines end in CRLF and
//   are folded at 75 octets, never inside a UTF-8 sequence.
#ifndef FAIRMATCH_RENDER_CALENDAR_ICS_H_
#define FAIRMATCH_RENDER_CALENDAR_ICS_H_

#include <string>
#include <vector>

#include "engine/model/fair.h"
#include "engine/model/recorded_schedule.h"
#include "engine/model/schedule.h"
#include "engine/render/output_file.h"
#include "engine/score/compatibility.h"

namespace fairmatch {

// One file per attendee with at least one meeting, in attendee file order.
// File names are "calendar/<id>.ics" for ids of the validated form
// [A-Za-z0-9][A-Za-z0-9_.-]{0,63}; any other id (which validation rejects,
// but a hand-built Fair may hold) is sanitised to that alphabet and given a
// "~<attendee number>" suffix, so that no name can leave calendar/ or
// collide with another, even on a case-insensitive file system.
// `baseline`: a rerun's published plan (null for a fresh plan); its
// attendees who are no longer in the fair get no file.
// REQUIRES: schedule sorted (SortMeetings); fair.event.date is YYYY-MM-DD.
std::vector<OutputFile> RenderCalendars(
    const Fair& fair, const Compatibility& compat, const Schedule& schedule,
    const RecordedSchedule* baseline = nullptr);

// Escapes TEXT for a property value (RFC 5545 3.3.11): backslash, semicolon
// and comma get a backslash, a line break (CRLF, CR or LF) becomes "\n".
std::string IcsEscapeText(const std::string& text);

// Appends `line` folded to lines of at most 75 octets (continuations start
// with a space), each ended by CRLF. Never splits a UTF-8 sequence.
void AppendIcsLine(const std::string& line, std::string* out);

}  // namespace fairmatch

#endif  // FAIRMATCH_RENDER_CALENDAR_ICS_H_
