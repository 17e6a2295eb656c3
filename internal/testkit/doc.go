// Package testkit holds what the tests of several packages share: the plan, workbook
// builders and checks of problems.
package testkit
