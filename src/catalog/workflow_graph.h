#pragma once

// Internal to src/catalog: the step graph of a workflow as indices, and the graph checks that
// workflow.cc and simulate.cc share. Not part of the public API.

#include <cstdint>
#include <utility>
#include <vector>

#include "catalog/workflow.h"

namespace motcua::catalog::internal {

struct Graph {
  std::vector<std::vector<int>> next;  // forward edges by step index
  std::vector<std::vector<int>> back;  // rework edges by step index
  std::vector<int> topo;               // forward topological order (partial if cyclic)
  int start = -1;                      // the unique step without forward predecessors, or -1
};

// Indexes the steps. Appends violations for empty or duplicate ids and transitions to unknown
// steps; the graph is usable only when none were appended.
Graph BuildGraph(const Workflow& w, std::vector<FieldViolation>& out);

// One start, at least one end, no forward cycle, back edges to forward ancestors only, every
// step reachable from the start and able to reach an end. Appends violations.
void CheckGraph(Graph& g, const Workflow& w, std::vector<FieldViolation>& out);

// The least and greatest sum of counted budgets over forward paths from the start to an end.
// Requires a graph that passed CheckGraph.
std::pair<std::int64_t, std::int64_t> CountedBudgetRange(const Graph& g, const Workflow& w);

// Step indices of the planned path: the start, then next[0] until an end.
std::vector<int> PlannedPath(const Graph& g);

}  // namespace motcua::catalog::internal
