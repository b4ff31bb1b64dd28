// Error and Result: how every stage reports a failure without exceptions.
//
// An Error names the input it is about (a path, "-" for stdin, "path:line" for
// a JSON Lines record), where in that input (line, byte offset, when known) and
// what was wrong, in words a user can act on. Result<T> holds either a value or
// an Error. Both are plain values; they are safe to move between threads.
#ifndef DATELINE_CORE_ERROR_H_
#define DATELINE_CORE_ERROR_H_

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace dateline {

// What kind of failure an Error is, for callers that act differently on each: a
// bad input is reported and the batch goes on; a failing store stops a run.
enum class ErrorKind : int {
  kInvalidInput,  // the input (a document, a file, an argument, a dictionary
                  // line) is wrong
  kNotFound,      // a file, database, record or route that does not exist
  kIo,       // the system failed to read or write (disk full, permissions, I/O
             // error)
  kCorrupt,  // stored data is damaged or not what it should be
  kBusy,  // a resource stayed locked by another process past the wait allowed
};
const char* ErrorKindName(
    ErrorKind kind);  // "invalid input", "not found", "I/O", ...

struct Error {
  std::string
      input;  // file path, "-" for stdin, or a dictionary file; may be empty
  int64_t line = -1;    // 1-based line in `input`, -1 when unknown
  int64_t offset = -1;  // byte offset in `input`, -1 when unknown
  std::string message;  // what was wrong, e.g. "not valid JSON: unexpected '}'"
  ErrorKind kind = ErrorKind::kInvalidInput;

  // "input:line: message" (parts that are unknown are left out).
  std::string ToString() const;
};

Error MakeError(std::string input, std::string message, int64_t line = -1,
                int64_t offset = -1);
// The same with a kind other than kInvalidInput.
Error MakeError(ErrorKind kind, std::string input, std::string message);

// Result<T>: a T or an Error. Access to the wrong alternative is a programmer
// error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// Status: success or an Error, for operations with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace dateline

// Early returns for functions that return Status or Result<T>, so that the
// steps of a function read as steps rather than as error plumbing:
//
//   // A Status or Result expression:
//   RETURN_IF_ERROR(WriteHeader(out));
//   // Declares `rows`, the value:
//   ASSIGN_OR_RETURN(auto rows, ReadTableFile(path, 2, 2));
//
// Both return the expression's Error from the enclosing function, which
// converts to its Status or Result<T>.
#define RETURN_IF_ERROR(expr)                                     \
  do {                                                            \
    if (auto dateline_status_ = (expr); !dateline_status_.ok()) { \
      return dateline_status_.error();                            \
    }                                                             \
  } while (false)

#define ASSIGN_OR_RETURN(lhs, expr)                                           \
  DATELINE_ASSIGN_OR_RETURN_IMPL(DATELINE_CONCAT(dateline_result_, __LINE__), \
                                 lhs, expr)
#define DATELINE_ASSIGN_OR_RETURN_IMPL(result, lhs, expr) \
  auto result = (expr);                                   \
  if (!result.ok()) return result.error();                \
  lhs = std::move(result).value()
#define DATELINE_CONCAT(a, b) DATELINE_CONCAT_IMPL(a, b)
#define DATELINE_CONCAT_IMPL(a, b) a##b

#endif  // DATELINE_CORE_ERROR_H_
