// clinic_directory.hpp — the people of a clinic and who may see which client, on a clinic
// server. The storage seam for clinic administration: the CLI and the GUI call this, and only
// the backend behind connect_clinic_directory() knows which server engine it talks to.
//
// A clinic login is a person with a role; the server enforces what each role sees:
//   owner       everything; adds and disables logins
//   therapist   the clinical records of their own clients and of clients shared with them
//   front-desk  the client list and contact details, no clinical record
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace knotnotes::db {

enum class ClinicRole { owner, therapist, front_desk };

// "owner", "therapist", "front-desk": as on the command line.
inline std::string role_name(ClinicRole role) {
    switch (role) {
        case ClinicRole::owner:
            return "owner";
        case ClinicRole::therapist:
            return "therapist";
        case ClinicRole::front_desk:
            return "front-desk";
    }
    throw std::logic_error("unknown clinic role");
}

// Throws std::invalid_argument naming the three roles.
inline ClinicRole parse_role(const std::string& name) {
    for (auto role : {ClinicRole::owner, ClinicRole::therapist, ClinicRole::front_desk}) {
        if (role_name(role) == name)
            return role;
    }
    throw std::invalid_argument("\"" + name +
                                "\" is not a clinic role: use owner, therapist or front-desk.");
}

struct ClinicLogin {
    std::string login;
    ClinicRole role;
    std::string name;
    std::string credentials;
    bool active;
};

struct NewClinicLogin {
    std::string login;
    ClinicRole role;
    std::string name;
    std::string credentials;
    std::string password;
};

struct AuditChainCheck {
    std::int64_t entries = 0;
    bool intact = true;
    // When not intact: the first entry that does not hold, and why.
    std::int64_t first_broken_seq = 0;
    std::string problem;
};

class ClinicDirectory {
  public:
    virtual ~ClinicDirectory() = default;
    // "the clinic server postgresql://USER@HOST:PORT/DB", for messages.
    virtual const std::string& server() const = 0;
    // Who this connection is, as the server knows it.
    virtual std::string login() = 0;
    virtual void add_login(const NewClinicLogin& login) = 0;
    virtual std::vector<ClinicLogin> logins() = 0;
    // The login can no longer connect; their records and signatures stay.
    virtual void disable_login(const std::string& login) = 0;
    // Lets a therapist see one client's clinical records (audited).
    virtual void share_client(std::int64_t client_id, const std::string& login) = 0;
    virtual AuditChainCheck check_audit_chain() = 0;
};

// Connects to a clinic server address (a URI), setting an empty database up. Throws
// PasswordNeeded when the server asks for a password and none was given (nor in PGPASSFILE),
// LoginRefused, AccessDenied or DatabaseRefused (database_error.hpp).
std::unique_ptr<ClinicDirectory> connect_clinic_directory(const std::string& address,
                                                          std::optional<std::string> password);

}  // namespace knotnotes::db
