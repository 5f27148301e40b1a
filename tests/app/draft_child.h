#pragma once
// The volunteer's phone in a process of its own, to be killed with SIGKILL in the middle of an
// inspection: it opens the task, checks in, answers, writes a note, prints "filled" and waits.
namespace ducha::test {

inline constexpr const char* kDraftChildFlag = "--draft-child";
// The answers the child gives: S3's items L1 (fail, with kDraftChildNote) and L2..L4 (pass).
inline constexpr const char* kDraftChildNote = "门口无许可证 no permit at the door";

int run_draft_child(const char* profile_dir, const char* task_id);

}  // namespace ducha::test
