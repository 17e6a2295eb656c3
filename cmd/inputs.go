package cmd

import (
	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report"
)

// readAll reads the returns, with a progress bar on a terminal, and the register; the
// problems of both come back together. Every command that reads returns goes through it.
func readAll(f *Factory, g *GlobalOptions, p *criteria.Plan, files []string, register string) ([]*report.Return, []classify.Submission, []report.Problem) {
	opt := g.readOptions(f, p)
	opt.Matcher = report.NewMatcher(p) // for the returns and the register
	var done func()
	opt.OnFileDone, done = fileProgress(f.IO, len(files), g.Lang)
	returns, problems := report.ReadFiles(files, opt)
	done()
	var subs []classify.Submission
	if register != "" {
		var regProblems []report.Problem
		subs, regProblems = report.ReadRegister(register, opt.Matcher, p, g.Lang)
		problems = append(problems, regProblems...)
	}
	return returns, subs, problems
}
