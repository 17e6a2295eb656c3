// Command drugfree classifies communes under the province's drug-free commune plan,
// checks the recognition criteria, chases late returns and writes consolidated workbooks.
package main

import (
	"os"

	"drugfree/cmd"
)

func main() { os.Exit(cmd.Main()) }
