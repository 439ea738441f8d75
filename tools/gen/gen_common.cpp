// Shared pieces of the export generators live here (see tools/gen/*.h).
namespace clout::gen {}
