#include "catalog/workflow_graph.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>

namespace motcua::catalog::internal {
namespace {

std::string StepPath(std::size_t i) { return "steps[" + std::to_string(i) + "]"; }

// Indices reachable from `from` over the given edge lists.
std::vector<bool> Reach(int from, const std::vector<const std::vector<std::vector<int>>*>& edges,
                        std::size_t n) {
  std::vector<bool> seen(n, false);
  std::vector<int> stack{from};
  seen[from] = true;
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    for (const auto* list : edges) {
      for (int j : (*list)[i]) {
        if (!seen[j]) {
          seen[j] = true;
          stack.push_back(j);
        }
      }
    }
  }
  return seen;
}

// Kahn's algorithm over forward edges; steps on a forward cycle are left out of g.topo.
void TopoSort(Graph& g) {
  const std::size_t n = g.next.size();
  std::vector<int> indegree(n, 0);
  for (const auto& list : g.next) {
    for (int j : list) ++indegree[j];
  }
  std::vector<int> ready;
  for (std::size_t i = 0; i < n; ++i) {
    if (indegree[i] == 0) ready.push_back(static_cast<int>(i));
  }
  g.start = ready.size() == 1 ? ready.front() : -1;
  while (!ready.empty()) {
    const int i = ready.back();
    ready.pop_back();
    g.topo.push_back(i);
    for (int j : g.next[i]) {
      if (--indegree[j] == 0) ready.push_back(j);
    }
  }
}

void CheckStartsAndEnds(const Graph& g, const Workflow& w, std::vector<FieldViolation>& out) {
  std::size_t starts = 0;
  std::vector<bool> has_pred(w.steps.size(), false);
  for (const auto& list : g.next) {
    for (int j : list) has_pred[j] = true;
  }
  for (bool p : has_pred) starts += p ? 0 : 1;
  if (starts != 1) {
    out.push_back({"steps", "exactly one start step (without a forward predecessor), found " +
                                std::to_string(starts)});
  }
  const bool has_end =
      std::any_of(g.next.begin(), g.next.end(), [](const auto& l) { return l.empty(); });
  if (!has_end) out.push_back({"steps", "at least one end step (without next)"});
}

}  // namespace

Graph BuildGraph(const Workflow& w, std::vector<FieldViolation>& out) {
  Graph g;
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < w.steps.size(); ++i) {
    const std::string& id = w.steps[i].id;
    if (id.empty()) out.push_back({StepPath(i) + ".id", "required"});
    if (!id.empty() && !index.emplace(id, static_cast<int>(i)).second) {
      out.push_back({StepPath(i) + ".id", "duplicate step id \"" + id + "\""});
    }
  }
  if (w.steps.empty()) out.push_back({"steps", "at least one step"});
  g.next.resize(w.steps.size());
  g.back.resize(w.steps.size());
  for (std::size_t i = 0; i < w.steps.size(); ++i) {
    const auto link = [&](const std::vector<std::string>& ids, std::vector<int>& to,
                          const char* name) {
      for (std::size_t k = 0; k < ids.size(); ++k) {
        auto it = index.find(ids[k]);
        if (it == index.end()) {
          out.push_back({StepPath(i) + "." + name + "[" + std::to_string(k) + "]",
                         "unknown step \"" + ids[k] + "\""});
        } else {
          to.push_back(it->second);
        }
      }
    };
    link(w.steps[i].next, g.next[i], "next");
    link(w.steps[i].back, g.back[i], "back");
  }
  return g;
}

void CheckGraph(Graph& g, const Workflow& w, std::vector<FieldViolation>& out) {
  const std::size_t n = w.steps.size();
  TopoSort(g);
  CheckStartsAndEnds(g, w, out);
  std::vector<bool> in_topo(n, false);
  for (int i : g.topo) in_topo[i] = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (!in_topo[i]) {
      out.push_back({StepPath(i) + ".next",
                     "forward transitions form a cycle (mark rework transitions as back)"});
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < g.back[i].size(); ++k) {
      const std::vector<bool> ahead = Reach(g.back[i][k], {&g.next}, n);
      if (!ahead[i]) {
        out.push_back({StepPath(i) + ".back[" + std::to_string(k) + "]",
                       "rework goes back to an earlier step only"});
      }
    }
  }
  if (g.start >= 0) {
    const std::vector<bool> reached = Reach(g.start, {&g.next, &g.back}, n);
    for (std::size_t i = 0; i < n; ++i) {
      if (!reached[i]) out.push_back({StepPath(i), "unreachable from the start step"});
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<bool> reach = Reach(static_cast<int>(i), {&g.next, &g.back}, n);
    bool exits = false;
    for (std::size_t j = 0; j < n && !exits; ++j) exits = reach[j] && g.next[j].empty();
    if (!exits) out.push_back({StepPath(i), "no way to an end step (a cycle without an exit)"});
  }
}

std::pair<std::int64_t, std::int64_t> CountedBudgetRange(const Graph& g, const Workflow& w) {
  const std::size_t n = w.steps.size();
  constexpr std::int64_t kUnset = std::numeric_limits<std::int64_t>::min();
  // low/high[i]: least/greatest counted sum from step i (inclusive) to an end.
  std::vector<std::int64_t> low(n, kUnset), high(n, kUnset);
  for (auto it = g.topo.rbegin(); it != g.topo.rend(); ++it) {
    const int i = *it;
    const Step& s = w.steps[i];
    const std::int64_t own = s.counted ? s.budget_seconds : 0;
    if (g.next[i].empty()) {
      low[i] = high[i] = own;
      continue;
    }
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = 0;
    for (int j : g.next[i]) {
      lo = std::min(lo, low[j]);
      hi = std::max(hi, high[j]);
    }
    low[i] = own + lo;
    high[i] = own + hi;
  }
  return {low[g.start], high[g.start]};
}

std::vector<int> PlannedPath(const Graph& g) {
  std::vector<int> path;
  for (int i = g.start; i >= 0; i = g.next[i].empty() ? -1 : g.next[i].front()) {
    path.push_back(i);
  }
  return path;
}

}  // namespace motcua::catalog::internal
