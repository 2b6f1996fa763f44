// Swedish massage techniques: the strokes most sessions open and close with.
#include <knotnotes/sdk/sdk.hpp>

namespace {

namespace sdk = knotnotes::sdk;

class SwedishLibrary : public sdk::TechniqueLibrary {
  public:
    std::vector<sdk::Technique> techniques() const override {
        const std::string cat = "Swedish";
        return {
            {"effleurage", "Effleurage", cat,
             "Long gliding strokes toward the heart with the palms or forearm; warms tissue and "
             "spreads the medium.",
             1, 5, "Light over varicose veins; avoid over open wounds or skin infection."},
            {"petrissage-kneading", "Petrissage: kneading", cat,
             "Lifting, squeezing and releasing the muscle in a rhythmic kneading motion.", 3, 6,
             "Gentle with clients on anticoagulants (bruising)."},
            {"petrissage-wringing", "Petrissage: wringing", cat,
             "Both hands push and pull across the muscle in opposite directions.", 3, 6,
             "Avoid over recent injuries and acute inflammation."},
            {"skin-rolling", "Skin rolling", cat,
             "Lifting the skin and superficial fascia and rolling it between fingers and thumbs.",
             2, 5, "Uncomfortable over adhesions at first; avoid on fragile skin."},
            {"circular-friction", "Circular friction", cat,
             "Small circular movements with the fingertips or thumbs that move skin over deeper "
             "tissue.",
             3, 7, "Not over recent scars, bruises or inflamed tissue."},
            {"tapotement-hacking", "Tapotement: hacking", cat,
             "Rapid alternating strikes with the ulnar edge of the hands; stimulating.", 2, 5,
             "Avoid over the kidneys, bony areas, varicose veins and in osteoporosis."},
            {"tapotement-cupping", "Tapotement: cupping", cat,
             "Rhythmic percussion with cupped hands, often over the back.", 2, 5,
             "Avoid over the kidneys and in osteoporosis."},
            {"vibration", "Vibration and shaking", cat,
             "Fine trembling or rhythmic shaking of a limb or muscle to relax it.", 1, 4,
             "Support the limb; avoid on acute injuries."},
        };
    }
};

class SwedishPlugin : public sdk::Plugin {
  public:
    std::unique_ptr<sdk::TechniqueLibrary> create_technique_library() override {
        return std::make_unique<SwedishLibrary>();
    }
};

}  // namespace

KNOTNOTES_PLUGIN(SwedishPlugin);
