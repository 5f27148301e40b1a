#pragma once
// POST /v1/sync: push (the device's outbox, applied at most once) then pull (changes in scope).
#include <functional>
#include <memory>

#include "ducha.pb.h"
#include "server/policy/policy.h"
#include "server/service/auth_service.h"
#include "server/service/server_context.h"
#include "server/service/writer.h"

namespace ducha::server {

class SyncService {
public:
    explicit SyncService(ServerContext& ctx) : m_ctx(ctx) {}

    // Signature checks run on the worker pool, the push in the writer's group commit, the pull on
    // the worker pool; `done` may run on any thread.
    void handle(Caller caller, pb::SyncRequest req, std::function<void(Result<pb::SyncResponse>)> done);

private:
    struct PushJob;
    // The push, in the order its steps run: verify_reports on a worker, apply_mutations in the
    // writer's group commit, settle_acks once the commit's receipts are signed, count_outcomes
    // after the durable commit.
    void push(const Caller& caller, std::shared_ptr<pb::SyncRequest> req,
              std::function<void(Result<std::shared_ptr<std::vector<pb::Ack>>>)> done);
    void verify_reports(PushJob& job);
    Status apply_mutations(WriteBatch& b, const std::shared_ptr<PushJob>& job);
    Status settle_acks(WriteBatch& b, PushJob& job);
    void count_outcomes(const std::vector<pb::Ack>& acks);
    Result<pb::SyncResponse> pull(const Caller& caller, const pb::SyncRequest& req);

    ServerContext& m_ctx;
};

}  // namespace ducha::server
