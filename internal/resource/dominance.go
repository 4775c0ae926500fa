package resource

import "golang.org/x/tools/go/ssa"

// DominatingCounts returns, for each of instrs, how many of instrs run
// before it on every path to it, itself included: those of its function
// that dominate it. The work is linear in instrs and in the blocks of
// their functions (no pairwise comparison).
func DominatingCounts(instrs []ssa.Instruction) map[ssa.Instruction]int {
	byBlock := make(map[*ssa.BasicBlock][]ssa.Instruction)
	for _, in := range instrs {
		if b := in.Block(); b != nil {
			byBlock[b] = append(byBlock[b], in)
		}
	}
	// above[b]: how many of instrs lie in blocks that strictly dominate b
	above := make(map[*ssa.BasicBlock]int)
	aboveOf := func(b *ssa.BasicBlock) int {
		if n, ok := above[b]; ok {
			return n
		}
		// iterative walk up the dominator tree, then fill in
		var chain []*ssa.BasicBlock
		for d := b; d != nil; d = d.Idom() {
			if _, ok := above[d]; ok {
				break
			}
			chain = append(chain, d)
		}
		for i := len(chain) - 1; i >= 0; i-- {
			d := chain[i]
			n := 0
			if id := d.Idom(); id != nil {
				n = above[id] + len(byBlock[id])
			}
			above[d] = n
		}
		return above[b]
	}
	out := make(map[ssa.Instruction]int, len(instrs))
	for b, ins := range byBlock {
		base := aboveOf(b)
		// order within the block
		pos := make(map[ssa.Instruction]int, len(ins))
		for _, in := range ins {
			pos[in] = -1
		}
		k := 0
		for _, in := range b.Instrs {
			if _, ok := pos[in]; ok {
				k++
				pos[in] = k
			}
		}
		for _, in := range ins {
			out[in] = base + pos[in]
		}
	}
	return out
}
