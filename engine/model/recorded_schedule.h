// A schedule as it was written to schedule.json: by ids and clock times, not
// resolved against any fair. This is how a published plan is compared with
// a new one (`fairmatch diff`, the kept/moved/added/dropped metrics) and
// how a rerun reads its baseline, whose people or slots may no longer all
// exist in the changed fair.
#ifndef FAIRMATCH_MODEL_RECORDED_SCHEDULE_H_
#define FAIRMATCH_MODEL_RECORDED_SCHEDULE_H_

#include <string>
#include <vector>

namespace fairmatch {

struct RecordedMeeting {
  std::string start;                   // "HH:MM", the meeting's slot start
  std::string end;                     // "HH:MM"
  std::string employer;                // employer id
  int table = 1;                       // counts from 1
  std::vector<std::string> attendees;  // attendee ids, as written
  bool locked = false;                 // "locked": true in the file
  bool history = false;                // "history": true in the file
  int line = 0;  // line of the meeting in its file (for messages), 0 unknown
};

// Who a schedule names: schedule.json's "people" section (optional; files
// written before it existed have none, and then names are empty).
struct RecordedPerson {
  std::string id;
  std::string name;
  std::string email;  // may be empty
};

struct RecordedSchedule {
  std::string path;  // the file it was read from ("" when built in memory)
  std::string event_name;
  std::string event_date;  // "YYYY-MM-DD"
  int revision = 0;        // "fairmatch": {"revision": n}; 0 when absent
  // "fairmatch": {"uid_scheme": n}; 1 when absent (files written before
  // it existed built calendar UIDs that way).
  int uid_scheme = 1;
  std::vector<RecordedMeeting> meetings;  // in file order
  std::vector<RecordedPerson> attendees;  // sorted by id
  std::vector<RecordedPerson> employers;  // sorted by id
};

}  // namespace fairmatch

#endif  // FAIRMATCH_MODEL_RECORDED_SCHEDULE_H_
