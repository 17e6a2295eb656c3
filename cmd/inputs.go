package cmd

import (
	"drugfree/classify"
	"drugfree/criteria"
	"drugfree/report/naming"
	"drugfree/report/problem"
	"drugfree/report/read"
)

// readAll reads the returns, with a progress bar on a terminal, and the register; the
// problems of both come back together. Every command that reads returns goes through it.
func readAll(f *Factory, g *GlobalOptions, p *criteria.Plan, files []string, register string) ([]*read.Return, []classify.Submission, []problem.Problem) {
	opt := g.readOptions(f, p)
	files, problems := read.Distinct(files, g.Lang) // a file given twice is read once
	opt.Matcher = naming.NewMatcher(p)              // for the returns and the register
	var done func()
	opt.OnFileDone, done = fileProgress(f.IO, len(files), g.Lang)
	returns, readProblems := read.ReadFiles(files, opt)
	problems = append(problems, readProblems...)
	done()
	var subs []classify.Submission
	if register != "" {
		var regProblems []problem.Problem
		subs, regProblems = read.ReadRegister(register, opt.Matcher, p, g.Lang)
		problems = append(problems, regProblems...)
	}
	return returns, subs, problems
}
