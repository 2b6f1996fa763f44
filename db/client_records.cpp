#include "client_records.hpp"

#include <stdexcept>

#include "database.hpp"
#include "database_error.hpp"
#include "transaction.hpp"

namespace knotnotes::db {
namespace {

class FileWrite final : public ClientRecords::Write {
  public:
    explicit FileWrite(Database& file) : transaction_(file) {}
    void commit() override { transaction_.commit(); }

  private:
    Transaction transaction_;
};

class FileClientRecords final : public ClientRecords {
  public:
    explicit FileClientRecords(Database& file) : file_(file), clients_(file) {}

    std::vector<ClientSummary> search_names(const std::string& typed, int limit) override {
        return clients_.search_names(typed, limit);
    }
    std::string where() const override { return file_.file().string(); }
    std::int64_t count() override { return clients_.count(); }
    std::vector<ClientSummary> list(std::int64_t offset, int limit) override {
        return clients_.list(offset, limit);
    }
    std::unique_ptr<Write> begin_write() override { return std::make_unique<FileWrite>(file_); }
    std::vector<ClientIdentity> identities() override { return clients_.identities(); }
    std::optional<sdk::Client> get(sdk::Id id) override { return clients_.get(id); }
    sdk::Id add(const sdk::Client& client) override { return clients_.add(client); }
    std::vector<BookableTherapist> therapists() override { return {}; }
    sdk::Id add_for(const sdk::Client&, const std::string& therapist_login) override {
        throw std::invalid_argument(file_.file().string() +
                                    " is one practitioner's records: a client is not booked "
                                    "with another therapist (" +
                                    therapist_login + ") there.");
    }
    void set_chart_figure(sdk::Id id, sdk::ChartFigure figure) override {
        Transaction transaction(file_);  // read and write the client as one change
        auto client = clients_.get(id);
        if (!client) {
            throw DatabaseError(file_.file().string() + ": no client with id " +
                                std::to_string(id));
        }
        if (client->chart_figure == figure)
            return;
        client->chart_figure = figure;
        clients_.update(*client);
        transaction.commit();
    }

  private:
    Database& file_;
    ClientRepository clients_;
};

}  // namespace

std::unique_ptr<ClientRecords> file_client_records(Database& file) {
    return std::make_unique<FileClientRecords>(file);
}

}  // namespace knotnotes::db
