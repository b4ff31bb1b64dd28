#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "pipeline/pipeline.h"

namespace dateline {

// Documents in flight, per coding thread: enough to keep every thread busy
// while the caller's thread reads, delivers and waits for the oldest.
constexpr size_t kInFlightPerJob = 4;

struct StreamCoder::Impl {
  struct Item {
    Result<Document> input = Document{};
    CodeContext guess;
    Result<CodedArticle> result = CodedArticle{};
    std::string rendered;
    bool done = false;
  };

  const Pipeline& pipeline;
  PublicationMemory* memory;
  Render render;
  Deliver deliver;
  size_t max_in_flight = 0;
  size_t recoded = 0;

  std::mutex mu;
  std::condition_variable work_ready, item_done;
  std::deque<std::unique_ptr<Item>>
      in_order;               // the caller's: every item not yet delivered
  std::deque<Item*> to_code;  // guarded by mu
  bool stopping = false;      // guarded by mu
  std::vector<std::thread> threads;

  Impl(const Pipeline& p, PublicationMemory* m, Render r, Deliver d)
      : pipeline(p), memory(m), render(std::move(r)), deliver(std::move(d)) {}

  void CodeItem(Item& item) {
    item.result = pipeline.Code(std::move(item.input).value(), item.guess);
    if (item.result.ok() && render) item.rendered = render(*item.result);
  }

  void Work() {
    for (;;) {
      Item* item = nullptr;
      {
        std::unique_lock lock(mu);
        work_ready.wait(lock, [&] { return stopping || !to_code.empty(); });
        if (to_code.empty()) return;
        item = to_code.front();
        to_code.pop_front();
      }
      CodeItem(*item);
      {
        std::lock_guard lock(mu);
        item->done = true;
      }
      item_done.notify_all();
    }
  }

  // Delivers the oldest item, waiting for it when `wait`; false when it is not
  // done.
  bool DeliverOldest(bool wait) {
    Item& item = *in_order.front();
    {
      std::unique_lock lock(mu);
      if (!item.done && !wait) return false;
      item_done.wait(lock, [&] { return item.done; });
    }
    Finalize(item);
    std::unique_ptr<Item> owned = std::move(in_order.front());
    in_order.pop_front();
    return true;
  }

  // Checks the guessed context against the reports delivered before this one,
  // codes again when it was wrong, remembers the report and delivers it.
  void Finalize(Item& item) {
    if (item.result.ok()) {
      const CodeContext exact = memory->ContextFor(item.result->document);
      if (!(exact == item.guess)) {
        ++recoded;
        item.input = item.result->document;
        item.guess = exact;
        item.rendered.clear();
        CodeItem(item);
      }
      if (item.result.ok()) memory->Remember(*item.result);
    }
    deliver(std::move(item.result), std::move(item.rendered));
  }
};

StreamCoder::StreamCoder(const Pipeline& pipeline, PublicationMemory* memory,
                         int jobs, Render render, Deliver deliver)
    : impl_(std::make_unique<Impl>(pipeline, memory, std::move(render),
                                   std::move(deliver))) {
  if (jobs <= 1) return;
  impl_->max_in_flight = kInFlightPerJob * static_cast<size_t>(jobs);
  for (int i = 0; i < jobs; ++i)
    impl_->threads.emplace_back([this] { impl_->Work(); });
}

StreamCoder::~StreamCoder() {
  Finish();
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->work_ready.notify_all();
  for (std::thread& t : impl_->threads) t.join();
}

void StreamCoder::Add(Result<Document> document) {
  Impl& im = *impl_;
  auto item = std::make_unique<Impl::Item>();
  const bool readable = document.ok();
  if (readable) item->guess = im.memory->ContextFor(*document);
  item->input = std::move(document);
  if (im.threads.empty()) {
    if (readable) {
      im.CodeItem(*item);
    } else {
      item->result = item->input.error();
    }
    im.Finalize(*item);
    return;
  }
  Impl::Item* raw = item.get();
  if (!readable) {
    raw->result = raw->input.error();
    raw->done = true;
  }
  im.in_order.push_back(std::move(item));
  if (readable) {
    {
      std::lock_guard lock(im.mu);
      im.to_code.push_back(raw);
    }
    im.work_ready.notify_one();
  }
  while (!im.in_order.empty() &&
         im.DeliverOldest(im.in_order.size() >= im.max_in_flight)) {
  }
}

void StreamCoder::Finish() {
  while (!impl_->in_order.empty()) impl_->DeliverOldest(true);
}

size_t StreamCoder::recoded() const { return impl_->recoded; }

int DefaultJobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

}  // namespace dateline
