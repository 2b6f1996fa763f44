// Myofascial release and stretching techniques: slow work on fascia, and the stretches
// (muscle energy, PNF, passive) that usually follow trigger point work.
//
// Ids are stored in clients' records as "org.knotnotes.techniques.myofascial/<id>" (the demo
// data already uses myofascial-release and muscle-energy-technique), so a released id is never
// renamed or reused. Cautions name the intake contraindications (contraindications.hpp) that
// matter most for each technique, in the words the intake uses.
#include <knotnotes/sdk/sdk.hpp>

namespace {

namespace sdk = knotnotes::sdk;

class MyofascialLibrary : public sdk::TechniqueLibrary {
  public:
    std::vector<sdk::Technique> techniques() const override {
        const std::string fascia = "Myofascial";
        const std::string stretching = "Stretching";
        // Fascial work drags the skin without oil; these hold for every such technique.
        const std::string skin_cautions =
            " Not over skin infection, open wounds, fragile skin or acute inflammation; avoid a "
            "recent surgery site until it is cleared.";
        // Stretching moves joints to the end of their range; these hold for every stretch.
        const std::string stretch_cautions =
            " Not across a recent fracture or surgery site; no neck stretching in the acute "
            "phase of a recent whiplash; stay short of end range with osteoporosis, with "
            "hypermobile joints and in pregnancy (ligaments are lax).";
        return {
            {"myofascial-release", "Myofascial release", fascia,
             "Slow, sustained, low-load pressure and stretch into the fascia without oil: the "
             "hands sink to the depth of the restriction, take up the slack and wait, usually "
             "90 seconds or more, following the tissue as it lengthens and softens.",
             2, 5,
             "Gentle with anticoagulants (bruising) and with cancer under treatment (avoid "
             "tumour, port and radiation sites)." +
                 skin_cautions},
            {"muscle-energy-technique", "Muscle energy technique (post-isometric relaxation)",
             stretching,
             "The muscle is taken to its first barrier; the client contracts it gently (10 to "
             "20 percent effort) against the therapist's matching resistance for 5 to 10 "
             "seconds, breathes out and relaxes, and the therapist takes up the new slack to the "
             "next barrier. Repeated 3 to 5 times.",
             2, 5,
             "Keep efforts light and breathing free with uncontrolled high blood pressure (no "
             "breath holding)." +
                 stretch_cautions},
            {"pnf-contract-relax", "PNF contract-relax", stretching,
             "Proprioceptive neuromuscular facilitation: the muscle is stretched to a "
             "comfortable end range, the client contracts it isometrically against resistance "
             "for about 6 seconds, relaxes, and the therapist stretches it further and holds 20 "
             "to 30 seconds. Repeated 2 to 4 times; a contract-relax-agonist-contract variant "
             "adds a contraction of the opposing muscle.",
             2, 5,
             "Submaximal contractions only, without breath holding, with uncontrolled high blood "
             "pressure." +
                 stretch_cautions},
            {"passive-stretch", "Passive stretch", stretching,
             "The therapist moves the relaxed limb or region to lengthen the muscle to a "
             "comfortable end range and holds it, typically 20 to 30 seconds, easing further as "
             "the tissue lets go. Used after deep or trigger point work to restore length.",
             1, 4, "Respect any movement limits after a joint replacement." + stretch_cautions},
            {"fascial-skin-rolling", "Skin rolling for fascia", fascia,
             "The skin and superficial fascia are lifted between thumbs and fingers and rolled "
             "slowly along a region, usually the back, to find and mobilise areas that are "
             "stuck to the tissue beneath them. Restricted areas feel thick and are tender.",
             2, 5,
             "Uncomfortable over restrictions at first: go slowly; gentle with anticoagulants "
             "(bruising)." +
                 skin_cautions},
            {"cross-hand-release", "Cross-hand release", fascia,
             "Crossed hands rest on the skin over the restriction and slowly separate to take up "
             "the slack of the superficial fascia, then hold, often 90 to 120 seconds or more, "
             "following each release without sliding on the skin.",
             2, 4,
             "Avoid tumour, port and radiation sites with cancer under treatment." + skin_cautions},
            {"scar-tissue-mobilisation", "Scar tissue mobilisation", fascia,
             "Gentle circular, longitudinal and lifting movements of a healed scar and the "
             "tissue around it, to reduce adhesion to the layers below and restore glide.",
             1, 4,
             "Only on a closed, fully healed scar, and after recent surgery only once the "
             "surgeon has cleared the area. Not over skin infection or acute inflammation; avoid "
             "radiation sites with cancer under treatment."},
        };
    }
};

class MyofascialPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::TechniqueLibrary> create_technique_library() override {
        return std::make_unique<MyofascialLibrary>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(MyofascialPlugin);
