#pragma once
// A data set's labels are its class folders plus this manifest of changes: image files are never
// moved, renamed, modified or deleted. The manifest is a JSON-lines file, append-only: a change
// (one decision on one or more images, so a bulk relabel is undone as one) is one line, and undo
// and redo are lines too. Appends are whole lines under an exclusive flock(), so two windows or
// two processes never interleave; a line torn by a kill is skipped on reading and sealed off by the
// next append.
//
// Line format (v 1):
//   {"v":1,"op":"set","id":ID,"time":T,"user":U,"edits":[{"path":P,"sha256":H,"folder":F,
//     "label":L | "excluded":true, "note":N}, ...]}
//   {"v":1,"op":"undo"|"redo","id":ID,"target":ID,"time":T,"user":U}
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vitscope {

inline constexpr const char *kLabelManifestName = "vitscope-labels.jsonl";

struct LabelEdit {
    std::string path;   // relative to the data set root, '/'-separated ("../new/f.jpg" outside it)
    std::string sha256; // the file's content when it was labelled
    std::string folder; // the class folder it lies in; empty outside every class folder
    std::string label;  // the new label (may equal the folder's: "kept, reviewed"); unused when excluded
    bool excluded = false;
    std::string note;
};

// The effective decision on one image: the latest edit of a change that is not undone.
struct LabelState {
    LabelEdit edit;
    std::string changeId, time, user;
};

class LabelManifest {
public:
    // Where the manifest of `root` lives: an existing one (at the root, else in the app's data
    // folder), else the root when it is writable, else the app's data folder keyed by the root.
    static std::string locate(const std::string &root);
    // $XDG_DATA_HOME/vitscope/labels (or ~/.local/share/vitscope/labels).
    static std::string appDataFolder();

    // Reads the manifest of `root` (missing: no changes yet). `file` overrides the location.
    explicit LabelManifest(const std::string &root, const std::string &file = {});

    const std::string &root() const { return m_root; }
    const std::string &file() const { return m_file; }
    bool atRoot() const; // false: kept in the app's data folder because the root is not writable
    bool exists() const { return m_exists; }
    // SHA-256 of the manifest's complete lines ("" when there is no manifest): run.json records it.
    const std::string &hash() const { return m_hash; }
    int damagedLines() const { return m_damaged; } // torn or unreadable lines that were skipped
    int changeCount() const { return static_cast<int>(m_order.size()); }

    // Rereads the file (another window or process may have appended).
    void reload();
    const std::map<std::string, LabelState> &states() const { return m_states; }
    const LabelState *state(const std::string &path) const;

    // Appends one change and rereads; returns its id. Throws std::runtime_error when the manifest
    // cannot be written (the message names the file). Clears this session's redo stack.
    std::string record(const std::vector<LabelEdit> &edits);
    // Undo and redo of this object's own changes (another window's changes are its own to undo).
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    bool undo();
    bool redo();

private:
    void append(const std::string &body);
    bool mark(const char *op, std::vector<std::string> &from, std::vector<std::string> &to);

    std::string m_root, m_file, m_hash;
    bool m_exists = false;
    int m_damaged = 0;
    std::vector<std::string> m_order;    // change ids, file order
    std::map<std::string, LabelState> m_states;
    std::vector<std::string> m_undo, m_redo; // this session's change ids
};

// Paths relative to the root, as the manifest keys them.
std::string manifestPath(const std::string &root, const std::string &file);

} // namespace vitscope
