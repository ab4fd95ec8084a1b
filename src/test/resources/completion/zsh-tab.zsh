# Types a command line and a Tab into an interactive zsh (in a pseudo-terminal) whose fpath holds the release
# archive's site-functions, and prints what zsh drew once it shows the expected text. The reads block until then;
# the test that runs this stops it if that never comes.
#   zsh -f zsh-tab.zsh SITE_FUNCTIONS_DIR 'COMMAND LINE' EXPECTED
zmodload zsh/zpty
site=$1 line=$2 expected=$3
zpty -b z 'zsh -f -i'
zpty -w z "PS1='> '; fpath=($site \$fpath); autoload -U compinit && compinit -u; print \$(( 6 * 7 ))"
zpty -r z out $'*\n42*'
zpty -n -w z "$line"$'\t'
zpty -r z out "*$expected*"
print -r -- "$out"
zpty -d z
