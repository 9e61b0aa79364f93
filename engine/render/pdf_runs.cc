#include "engine/render/pdf_runs.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fairmatch::sheets {

void DrawInRuns(const Fair& fair, Paper paper, int count, int threads,
                const std::function<void(PdfWriter&, int)>& draw,
                PdfWriter& pdf) {
  const int runs = (count + kRunSheets - 1) / kRunSheets;
  const int workers = std::max(1, std::min(threads, runs));
  // A run's pages are numbered once the runs before it are drawn: pages[r]
  // is run r's page count (-1: being drawn), first[r] the number of its
  // first page, known for r <= counted. Drawn runs wait in done[] to be
  // appended in order, which whoever finishes a run does when no one else
  // is (so a large document is not held twice).
  std::mutex mu;
  std::condition_variable counted_more;
  std::vector<int> pages(runs, -1);
  std::vector<int> first(runs + 1, 0);
  first[0] = pdf.page() + 1;
  int counted = 0;
  std::vector<std::optional<PdfRunPages>> done(runs);
  int appended = 0;
  std::mutex appending;
  auto append_ready = [&] {
    std::unique_lock<std::mutex> turn(appending, std::try_to_lock);
    if (!turn.owns_lock()) return;
    for (;;) {
      std::optional<PdfRunPages> run;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (appended == runs || !done[appended].has_value()) return;
        run.swap(done[appended]);
      }
      pdf.AppendRun(*run);
      ++appended;
    }
  };
  std::vector<std::unique_ptr<PdfDocument>> fonts(workers);
  std::atomic<int> next{0};
  auto work = [&](int worker) {
    PdfWriter writer(fair, paper, "");
    // Runs are taken in order, so the run every other waits for is always
    // being drawn by a thread that waits for nothing later.
    for (int r = next++; r < runs; r = next++) {
      writer.StartRun(r);
      const int end = std::min(count, (r + 1) * kRunSheets);
      for (int i = r * kRunSheets; i < end && writer.ok(); ++i) {
        draw(writer, i);
      }
      int start;
      {
        std::unique_lock<std::mutex> lock(mu);
        pages[r] = writer.run_pages();
        while (counted < runs && pages[counted] >= 0) {
          first[counted + 1] = first[counted] + pages[counted];
          ++counted;
        }
        counted_more.notify_all();
        counted_more.wait(lock, [&] { return counted >= r; });
        start = first[r];
      }
      PdfRunPages run = writer.EndRun(start);
      {
        std::lock_guard<std::mutex> lock(mu);
        done[r] = std::move(run);
      }
      append_ready();
    }
    fonts[worker] = writer.EndRuns();
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < workers; ++t) helpers.emplace_back(work, t);
  work(0);
  for (std::thread& t : helpers) t.join();
  append_ready();  // what a helper left when this thread was appending
  for (std::unique_ptr<PdfDocument>& f : fonts) {
    if (f != nullptr) pdf.MergeFonts(*f);
  }
}

}  // namespace fairmatch::sheets
