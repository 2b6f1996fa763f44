// Deep tissue and trigger point techniques: the slow, deep work charted against knots.
//
// Ids are stored in clients' records as "org.knotnotes.techniques.deep-tissue/<id>" (the demo
// data already uses stripping, cross-fibre-friction and ischemic-compression), so a released id
// is never renamed or reused. Cautions name the intake contraindications (contraindications.hpp)
// that matter most for each technique, in the words the intake uses.
#include <knotnotes/sdk/sdk.hpp>

namespace {

namespace sdk = knotnotes::sdk;

class DeepTissueLibrary : public sdk::TechniqueLibrary {
  public:
    std::vector<sdk::Technique> techniques() const override {
        const std::string deep = "Deep tissue";
        const std::string trigger = "Trigger point";
        // Every technique here loads tissue hard enough to bruise or to press on a vessel, so
        // these apply to all of them; each entry adds what is particular to it.
        const std::string deep_work_cautions =
            " No deep work with a bleeding disorder, and only light to medium pressure with "
            "anticoagulant medication. Not over varicose veins, open wounds, skin infection, "
            "acute inflammation or a recent surgery or fracture site.";
        return {
            {"stripping", "Stripping", deep,
             "Slow, deep gliding stroke along the length of the muscle, over the knot, with the "
             "thumb, knuckle or elbow, usually from one attachment to the other. Lengthens the "
             "taut band and helps locate and soften the trigger points in it. Work slowly "
             "enough for the tissue to yield ahead of the contact.",
             5, 8,
             "No stripping on the legs with a deep-vein thrombosis history." + deep_work_cautions},
            {"cross-fibre-friction", "Cross-fibre (deep transverse) friction", deep,
             "Short, deep strokes across the fibres of a muscle, tendon or ligament at the site "
             "of the lesion; the finger and the skin move together over the deeper tissue. "
             "Breaks up adhesions and realigns repairing fibres; usually a few minutes on one "
             "small area, followed by movement or stretching of the tissue.",
             5, 8,
             "Not in the acute phase of an injury (first days) or over acute inflammation, nor "
             "near a recent corticosteroid injection." +
                 deep_work_cautions},
            {"ischemic-compression", "Ischemic compression", trigger,
             "Sustained pressure on the trigger point with a thumb, finger or elbow, held at "
             "the client's tolerance until the tissue softens and the tenderness fades, often "
             "30 to 90 seconds, then released slowly and followed by a stretch of the muscle.",
             5, 8,
             "Avoid deep, prolonged pressure with uncontrolled high blood pressure. Reduced "
             "sensation (diabetes with neuropathy) makes the client's feedback unreliable: stay "
             "light on the feet and legs." +
                 deep_work_cautions +
                 " Keep off nerves and arteries (anterior neck, axilla, femoral triangle)."},
            {"deep-longitudinal-stroke", "Deep longitudinal stroke", deep,
             "Slow stroke along the muscle fibres with the forearm, fist or elbow over a whole "
             "muscle or group (erector spinae, hamstrings, quadriceps, calf), sinking in "
             "gradually instead of pushing. Reaches deeper layers after the superficial tissue "
             "has been warmed.",
             5, 8,
             "Not on the legs with a deep-vein thrombosis history; no heavy pressure over bone "
             "with osteoporosis; in pregnancy no deep pressure on the legs or abdomen." +
                 deep_work_cautions},
            {"trigger-point-pressure-release", "Trigger point pressure release", trigger,
             "Pressure applied slowly to the first tissue barrier over the trigger point, not "
             "beyond, and held until the barrier gives; the contact then follows to the next "
             "barrier. A gentler alternative to ischemic compression, with the client's pain "
             "kept moderate.",
             4, 7,
             "Avoid prolonged pressure with uncontrolled high blood pressure; light on the feet "
             "and legs with diabetic neuropathy." +
                 deep_work_cautions},
            {"pin-and-stretch", "Pin and stretch", deep,
             "The muscle is pinned with the thumb or knuckle near the knot while it is "
             "shortened, then lengthened under the contact, passively by the therapist or "
             "actively by the client. Repeated at several points along the taut band.",
             4, 7,
             "Move only within a comfortable range; not across a recent surgery or fracture "
             "site, and no neck work in the acute phase of a recent whiplash." +
                 deep_work_cautions},
            {"pincer-compression", "Pincer compression", trigger,
             "The muscle is lifted and squeezed between thumb and fingers and the trigger point "
             "held until it softens; for muscles that can be grasped, such as upper trapezius, "
             "sternocleidomastoid and pectoralis major at the axillary fold.",
             3, 6,
             "On the sternocleidomastoid grasp only the muscle and keep off the carotid artery "
             "beneath it; no neck work in the acute phase of a recent whiplash. Gentle with "
             "anticoagulants (bruising); not over skin infection or open wounds."},
        };
    }
};

class DeepTissuePlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::TechniqueLibrary> create_technique_library() override {
        return std::make_unique<DeepTissueLibrary>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(DeepTissuePlugin);
