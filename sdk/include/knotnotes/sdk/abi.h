/* SPDX-License-Identifier: MIT */
/* abi.h — the binary contract between KnotNotes and its plugins: plain C, frozen.
 *
 * KnotNotes and a plugin are built separately, by different people, with different versions
 * of the SDK. The only thing they share at run time is this header's layouts and calling
 * conventions ("hourglass": header-only C++ on both sides of a C waist). Nothing of the C++
 * standard library crosses the boundary, and no exception does: a plugin built with any C++
 * compiler and standard library that produce System V x86-64 / AArch64 C calls works.
 *
 * Versioning (KNOTNOTES_SDK_ABI_MAJOR.MINOR, independent of the KnotNotes version)
 * - A MINOR release only appends: a field at the end of a struct, a function at the end of a
 *   function table, a value at the end of a vocabulary. Nothing is ever removed, reordered or
 *   retyped, and a new value never changes what an old one meant.
 * - A MAJOR release may change anything; a host refuses plugins of another major with a
 *   message saying how to port them.
 * - A host accepts a plugin of its own major whatever the two minors are, in both directions:
 *   a 2.0 plugin in a 2.7 host, and a 2.7 plugin in a 2.0 host.
 *
 * Growable structs
 * - Every struct that may grow starts with `uint32_t struct_size`: sizeof the struct as its
 *   writer compiled it. A reader reads a field only when the field lies entirely within
 *   struct_size, and otherwise uses the field's documented default (KN_HAS_FIELD below). So a
 *   2.0 plugin never reads past what a 2.7 host sent, and a 2.7 plugin reading a 2.0 host's
 *   record sees the defaults of the fields 2.0 did not have, never garbage.
 * - Structs without struct_size (kn_string, kn_array, kn_optional_*, kn_chart_point,
 *   kn_receiver) are frozen for ever.
 * - A record inside a record is a pointer (NULL when absent), so each grows on its own.
 *
 * Values
 * - Strings are kn_string views: UTF-8 bytes, not NUL-terminated, `data` may be NULL when
 *   `size` is 0. Views point into memory the caller owns and are valid only during the call
 *   that received them: copy what you keep.
 * - Arrays are kn_array: `count` elements, element i at (const char*)items + i * stride. The
 *   stride is the writer's sizeof(element), so an array of grown structs still indexes right;
 *   each element carries its own struct_size.
 * - Vocabulary values (side, view, tool...) are uint32_t codes: the positions of the KN_*
 *   constants below, which never change. A reader that meets a code newer than it knows must
 *   not guess: the C++ adapters refuse the record with a message naming the field.
 * - Times are ISO 8601 UTC strings (records.hpp), numbers are plain C numbers.
 *
 * Calls and errors
 * - Every call that can fail returns a kn_status. On anything but KN_OK the callee writes a
 *   message for a person into the caller's kn_error buffer (truncated, always NUL-terminated),
 *   and for KN_IMPORT_ERROR the line of the file.
 * - KN_ERROR, KN_IMPORT_ERROR and KN_INVALID_ANSWER are expected failures (a file that cannot
 *   be written, an invalid file, an answer out of range): the host shows the message and keeps
 *   the plugin enabled. KN_BUG (an exception that is not a PluginError, a broken promise of
 *   this contract) disables the plugin with the message as its reason. A status the receiver
 *   does not know is read as KN_ERROR.
 * - Results travel from plugin to host through a kn_receiver: the plugin calls take() with a
 *   pointer to a struct that is valid only during that call, and the host copies it.
 * - A function pointer in a table that is NULL, or beyond the table's struct_size, is not
 *   provided; the caller then does what that function's comment says (usually: nothing).
 * - Out-tables (kn_plugin, kn_exporter...) are filled by the callee: the caller zero-fills the
 *   table and sets struct_size to its sizeof; the callee writes at most that many bytes and
 *   sets struct_size to the number it wrote (KN_FILL_TABLE below).
 *
 * Lifetime: every object (self) a plugin returns is destroyed by the host through the table's
 * destroy(), before the library is unloaded. Calls on one object never overlap.
 */
#ifndef KNOTNOTES_SDK_ABI_H
#define KNOTNOTES_SDK_ABI_H

#include <stddef.h>
#include <stdint.h>

#define KNOTNOTES_SDK_ABI_MAJOR 2
#define KNOTNOTES_SDK_ABI_MINOR 2

/* The symbols a plugin library exports (KNOTNOTES_PLUGIN does it for C++ plugins). */
#define KNOTNOTES_ABI_SYMBOL "knotnotes_plugin_abi"
#define KNOTNOTES_ENTRY_SYMBOL "knotnotes_plugin_entry"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The handshake record (layout frozen since SDK 1.0) ------------------------------- */

/* Read by the host before any of the plugin's code runs. */
typedef struct KnotNotesAbiRecord {
    uint32_t struct_size; /* sizeof(KnotNotesAbiRecord) as the plugin saw it */
    uint32_t major;       /* KNOTNOTES_SDK_ABI_MAJOR the plugin was built against */
    uint32_t minor;       /* KNOTNOTES_SDK_ABI_MINOR the plugin was built against */
    uint32_t cxx11_abi;   /* SDK 1 only (its records were C++ objects); ignored since SDK 2 */
} KnotNotesAbiRecord;

/* ---- Frozen building blocks ----------------------------------------------------------- */

typedef struct kn_string {
    const char* data;
    size_t size;
} kn_string;

typedef struct kn_array {
    const void* items;
    size_t count;
    size_t stride; /* bytes from one element to the next */
} kn_array;

typedef struct kn_optional_int {
    int32_t present; /* 0 or 1 */
    int32_t value;
} kn_optional_int;

typedef struct kn_optional_int64 {
    int32_t present;
    int32_t reserved; /* 0 */
    int64_t value;
} kn_optional_int64;

typedef struct kn_optional_double {
    int32_t present;
    int32_t reserved; /* 0 */
    double value;
} kn_optional_double;

/* A point of a body chart view, normalised: x 0 (viewer's left) .. 1, y 0 (top) .. 1. */
typedef struct kn_chart_point {
    double x;
    double y;
} kn_chart_point;

/* True when `field` of the struct at `ptr` lies within the struct_size its writer gave. */
#define KN_HAS_FIELD(ptr, type, field) \
    ((ptr)->struct_size >= offsetof(type, field) + sizeof(((type*)0)->field))

/* ---- Status and errors ---------------------------------------------------------------- */

typedef int32_t kn_status;
#define KN_OK 0
#define KN_ERROR 1          /* expected failure the user can act on; plugin stays enabled */
#define KN_IMPORT_ERROR 2   /* the file to import is invalid; kn_error.line says where */
#define KN_INVALID_ANSWER 3 /* a questionnaire answer is missing or out of range */
#define KN_BUG 4            /* the callee failed in a way it did not expect: disable it */

typedef struct kn_error {
    uint32_t struct_size;
    uint32_t reserved;
    char* message;   /* the caller's buffer; the callee writes a NUL-terminated UTF-8 text */
    size_t capacity; /* bytes in `message`, the NUL included (at least 1) */
    size_t length;   /* bytes the callee wrote, without the NUL */
    uint64_t line;   /* KN_IMPORT_ERROR: 1-based line in the file, 0 when unknown */
} kn_error;

/* Hands a result to the host: take() copies *value (the type is named at each use). Frozen. */
typedef struct kn_receiver {
    void* context;
    kn_status (*take)(void* context, const void* value, kn_error* error);
} kn_receiver;

/* ---- Vocabularies (codes; the words are in vocabulary.hpp) ---------------------------- */

#define KN_SIDE_LEFT 0
#define KN_SIDE_RIGHT 1
#define KN_SIDE_MIDLINE 2
#define KN_SIDE_BILATERAL 3

#define KN_VIEW_FRONT 0
#define KN_VIEW_BACK 1
#define KN_VIEW_LEFT 2
#define KN_VIEW_RIGHT 3

#define KN_KNOT_ACTIVE 0
#define KN_KNOT_LATENT 1

#define KN_RESULT_UNTREATED 0
#define KN_RESULT_RELEASED 1
#define KN_RESULT_REDUCED 2
#define KN_RESULT_UNCHANGED 3

#define KN_TOOL_HANDS 0
#define KN_TOOL_THUMB 1
#define KN_TOOL_FINGERS 2
#define KN_TOOL_KNUCKLE 3
#define KN_TOOL_PALM 4
#define KN_TOOL_ELBOW 5
#define KN_TOOL_FOREARM 6
#define KN_TOOL_INSTRUMENT 7

#define KN_DIRECTION_NONE 0
#define KN_DIRECTION_ALONG_FIBRES 1
#define KN_DIRECTION_ACROSS_FIBRES 2
#define KN_DIRECTION_CIRCULAR 3
#define KN_DIRECTION_SUSTAINED 4

#define KN_FIGURE_NEUTRAL 0
#define KN_FIGURE_FEMALE 1
#define KN_FIGURE_MALE 2

/* Since 2.1 */
#define KN_LOCATION_UNSPECIFIED 0
#define KN_LOCATION_CLINIC 1
#define KN_LOCATION_CLIENT_HOME 2
#define KN_LOCATION_EVENT 3
#define KN_LOCATION_OTHER 4

#define KN_ITEM_SCALE 0
#define KN_ITEM_CHOICE 1
#define KN_ITEM_TEXT_AND_SCALE 2

/* ---- Records (meanings, units and defaults: records.hpp) ------------------------------ */
/* A field's default, when the writer's struct_size does not reach it, is the default of the
 * same field in records.hpp: 0, an empty string, an empty array, absent, the first code. */

typedef struct kn_practitioner {
    uint32_t struct_size;
    int64_t id;
    kn_string name;
    kn_string credentials;
    kn_string uid;
    kn_string registration;
    kn_string public_key;
} kn_practitioner;

typedef struct kn_client {
    uint32_t struct_size;
    int64_t id;
    kn_string given_name;
    kn_string family_name;
    kn_string birth_date;
    kn_string phone;
    kn_string email;
    kn_string emergency_contact;
    kn_string occupation;
    kn_string created_at;
    kn_string uid;
    uint32_t chart_figure; /* KN_FIGURE_* */
} kn_client;

typedef struct kn_consent {
    uint32_t struct_size;
    int32_t agreed; /* 0 or 1 */
    kn_string date;
    kn_string signer_name;
    kn_string signature_png_base64;
} kn_consent;

typedef struct kn_intake {
    uint32_t struct_size;
    int64_t id;
    int64_t client_id;
    int32_t version;
    kn_string recorded_at;
    kn_string reason_for_visit;
    kn_string goals;
    kn_string activity;
    kn_array health_flags; /* of kn_string */
    kn_string medications;
    kn_string allergies;
    kn_string surgeries_injuries;
    kn_string areas_to_avoid;
    kn_optional_int preferred_pressure;
    const struct kn_consent* consent; /* never NULL from a host; NULL reads as the default */
    kn_string uid;
} kn_intake;

typedef struct kn_knot {
    uint32_t struct_size;
    int64_t id;
    int64_t session_id;
    kn_string muscle_id;
    uint32_t side; /* KN_SIDE_* */
    uint32_t view; /* KN_VIEW_* */
    double x;
    double y;
    uint32_t kind; /* KN_KNOT_* */
    int32_t tenderness;
    kn_string referral;
    uint32_t result; /* KN_RESULT_* */
    kn_optional_int64 previous_knot_id;
    kn_string uid;
    kn_array referral_area; /* of kn_chart_point */
} kn_knot;

typedef struct kn_pressure_reading {
    uint32_t struct_size;
    int64_t id;
    int64_t session_id;
    kn_string region;
    uint32_t side;
    int32_t pressure;
    kn_string uid;
} kn_pressure_reading;

typedef struct kn_technique_use {
    uint32_t struct_size;
    int64_t id;
    int64_t session_id;
    kn_string technique_id;
    kn_string muscle_id;
    uint32_t side;
    kn_optional_int pressure;
    int32_t duration_seconds;
    uint32_t tool;      /* KN_TOOL_* */
    uint32_t direction; /* KN_DIRECTION_* */
    kn_string response;
    kn_string uid;
} kn_technique_use;

typedef struct kn_signature {
    uint32_t struct_size;
    kn_string signer;
    kn_string signed_at;
    kn_string content_sha256;
    int64_t signer_practitioner_id;
    kn_string algorithm;
    int32_t canonical_version;
    kn_string public_key;
    kn_string value;
} kn_signature;

typedef struct kn_session {
    uint32_t struct_size;
    int64_t id;
    int64_t client_id;
    int64_t practitioner_id;
    kn_optional_int64 intake_id;
    kn_string started_at;
    int32_t duration_minutes;
    kn_string subjective;
    kn_string objective;
    kn_string assessment;
    kn_string plan;
    kn_optional_int pain_before;
    kn_optional_int pain_after;
    const struct kn_signature* signature; /* NULL: a draft */
    kn_optional_int64 amends_session_id;
    kn_string uid;
    kn_string amendment_reason;
    kn_string conflict_acknowledgement;
    kn_array knots;             /* of kn_knot */
    kn_array pressure_readings; /* of kn_pressure_reading */
    kn_array techniques;        /* of kn_technique_use */
    /* since 2.1 */
    uint32_t location; /* KN_LOCATION_*; default KN_LOCATION_UNSPECIFIED */
} kn_session;

typedef struct kn_questionnaire_answer {
    uint32_t struct_size;
    kn_string item_id;
    kn_optional_double value;
    kn_string text;
} kn_questionnaire_answer;

typedef struct kn_questionnaire_response {
    uint32_t struct_size;
    int64_t id;
    int64_t client_id;
    kn_optional_int64 session_id;
    kn_string instrument_id;
    kn_string instrument_version;
    kn_string completed_at;
    kn_array answers; /* of kn_questionnaire_answer */
    kn_optional_double score;
    kn_string interpretation;
    kn_string uid;
} kn_questionnaire_response;

/* ---- Exporter (exporter.hpp says what each call means) -------------------------------- */

typedef struct kn_export_format {
    uint32_t struct_size;
    kn_string id;
    kn_string name;
    kn_string extension;
    int32_t writes_folder; /* 0 or 1 */
} kn_export_format;

typedef struct kn_export_context {
    uint32_t struct_size;
    kn_string path;
    kn_string application_version;
    kn_string installation_id;
    kn_string options; /* "key=value" lines (exporter.hpp); absent from older hosts: none */
} kn_export_context;

typedef struct kn_exporter {
    uint32_t struct_size;
    void* self;
    void (*destroy)(void* self);
    /* receiver takes one kn_export_format */
    kn_status (*format)(void* self, kn_receiver receiver, kn_error* error);
    kn_status (*begin)(void* self, const kn_export_context* context, kn_error* error);
    kn_status (*write_practitioner)(void* self, const kn_practitioner* record, kn_error* error);
    kn_status (*write_client)(void* self, const kn_client* record, kn_error* error);
    kn_status (*write_intake)(void* self, const kn_intake* record, kn_error* error);
    kn_status (*write_session)(void* self, const kn_session* record, kn_error* error);
    kn_status (*write_questionnaire_response)(void* self, const kn_questionnaire_response* record,
                                              kn_error* error);
    kn_status (*end)(void* self, kn_error* error);
    void (*abort)(void* self); /* not provided: nothing to do */
} kn_exporter;

/* ---- Importer (importer.hpp) ---------------------------------------------------------- */

/* What an importer read, per kind of item of its file (2.2): how many it took into records and
 * how many it skipped, and why (reason empty for what it took). */
typedef struct kn_import_note {
    uint32_t struct_size;
    kn_string kind; /* e.g. a FHIR resource type, "Observation" */
    int64_t taken;
    int64_t skipped;
    kn_string reason;
} kn_import_note;

/* The host's side of an import. Each call returns KN_IMPORT_ERROR (or KN_ERROR) when the host
 * refuses the record; the importer must then stop and return that status with the message. */
typedef struct kn_import_sink {
    uint32_t struct_size;
    void* context;
    kn_status (*practitioner)(void* context, const kn_practitioner* record, kn_error* error);
    kn_status (*client)(void* context, const kn_client* record, kn_error* error);
    kn_status (*intake)(void* context, const kn_intake* record, kn_error* error);
    kn_status (*session)(void* context, const kn_session* record, kn_error* error);
    kn_status (*questionnaire_response)(void* context, const kn_questionnaire_response* record,
                                        kn_error* error);
    /* 2.2; a 2.0/2.1 host has none: the note is then not shown. */
    kn_status (*note)(void* context, const kn_import_note* note, kn_error* error);
} kn_import_sink;

typedef struct kn_importer {
    uint32_t struct_size;
    void* self;
    void (*destroy)(void* self);
    kn_status (*format)(void* self, kn_receiver receiver, kn_error* error); /* kn_export_format */
    kn_status (*validate)(void* self, kn_string file, kn_error* error);
    kn_status (*import)(void* self, kn_string file, const kn_import_sink* sink, kn_error* error);
} kn_importer;

/* ---- Questionnaire provider (questionnaire_provider.hpp) ------------------------------ */

typedef struct kn_questionnaire_choice {
    uint32_t struct_size;
    double value;
    kn_string label;
} kn_questionnaire_choice;

typedef struct kn_questionnaire_item {
    uint32_t struct_size;
    kn_string id;
    kn_string text;
    uint32_t kind; /* KN_ITEM_* */
    double min;
    double max;
    kn_string min_label;
    kn_string max_label;
    kn_array choices; /* of kn_questionnaire_choice */
    int32_t optional; /* 0 or 1 */
} kn_questionnaire_item;

typedef struct kn_interpretation_band {
    uint32_t struct_size;
    double min;
    double max;
    kn_string label;
} kn_interpretation_band;

typedef struct kn_questionnaire_definition {
    uint32_t struct_size;
    kn_string id;
    kn_string title;
    kn_string version;
    kn_string licence_text;
    kn_string instructions;
    kn_array items; /* of kn_questionnaire_item */
    kn_array bands; /* of kn_interpretation_band */
    kn_optional_double meaningful_change;
} kn_questionnaire_definition;

typedef struct kn_questionnaire_score {
    uint32_t struct_size;
    double value;
    kn_string interpretation;
} kn_questionnaire_score;

typedef struct kn_questionnaire_provider {
    uint32_t struct_size;
    void* self;
    void (*destroy)(void* self);
    /* receiver takes each kn_questionnaire_definition in turn */
    kn_status (*definitions)(void* self, kn_receiver receiver, kn_error* error);
    /* answers: of kn_questionnaire_answer; receiver takes one kn_questionnaire_score */
    kn_status (*score)(void* self, kn_string instrument_id, kn_array answers, kn_receiver receiver,
                       kn_error* error);
} kn_questionnaire_provider;

/* ---- Technique library (technique_library.hpp) ---------------------------------------- */

typedef struct kn_technique {
    uint32_t struct_size;
    kn_string id;
    kn_string name;
    kn_string category;
    kn_string description;
    int32_t pressure_min;
    int32_t pressure_max;
    kn_string cautions;
} kn_technique;

typedef struct kn_technique_library {
    uint32_t struct_size;
    void* self;
    void (*destroy)(void* self);
    /* receiver takes each kn_technique in turn */
    kn_status (*techniques)(void* self, kn_receiver receiver, kn_error* error);
} kn_technique_library;

/* ---- The plugin (plugin.hpp) ---------------------------------------------------------- */

typedef struct kn_host_info {
    uint32_t struct_size;
    uint32_t abi_major; /* the host's KNOTNOTES_SDK_ABI_MAJOR */
    uint32_t abi_minor;
    kn_string application_version; /* "KnotNotes 1.1.0" */
} kn_host_info;

/* Each create_* fills `out` with a new object the host owns, or leaves out->self NULL when the
 * plugin does not provide that kind. Not provided: the plugin provides no such kind. */
typedef struct kn_plugin {
    uint32_t struct_size;
    void* self;
    void (*destroy)(void* self);
    kn_status (*create_exporter)(void* self, kn_exporter* out, kn_error* error);
    kn_status (*create_importer)(void* self, kn_importer* out, kn_error* error);
    kn_status (*create_questionnaire_provider)(void* self, kn_questionnaire_provider* out,
                                               kn_error* error);
    kn_status (*create_technique_library)(void* self, kn_technique_library* out, kn_error* error);
} kn_plugin;

/* The entry point (KNOTNOTES_ENTRY_SYMBOL), called once after the handshake: fills `out`
 * with the plugin object (an out-table, see above). */
typedef kn_status (*kn_plugin_entry)(const kn_host_info* host, kn_plugin* out, kn_error* error);

#ifdef __cplusplus
}
#endif

#endif /* KNOTNOTES_SDK_ABI_H */
