// SPDX-License-Identifier: MIT
// sdk.hpp — everything a plugin needs, in one include.
#pragma once

#include "knotnotes/sdk/abi.h"
#include "knotnotes/sdk/abi_version.hpp"
#include "knotnotes/sdk/contraindications.hpp"
#include "knotnotes/sdk/definition_rules.hpp"
#include "knotnotes/sdk/exporter.hpp"
#include "knotnotes/sdk/importer.hpp"
#include "knotnotes/sdk/muscle_atlas.hpp"
#include "knotnotes/sdk/plugin.hpp"
#include "knotnotes/sdk/plugin_error.hpp"
#include "knotnotes/sdk/plugin_export.hpp"
#include "knotnotes/sdk/questionnaire_provider.hpp"
#include "knotnotes/sdk/records.hpp"
#include "knotnotes/sdk/technique_library.hpp"
#include "knotnotes/sdk/timestamps.hpp"
#include "knotnotes/sdk/vocabulary.hpp"
#include "knotnotes/sdk/xml_file_encoding.hpp"
#include "knotnotes/sdk/xml_text.hpp"
