# bash completion for fairmatch(1). Installed as
# share/bash-completion/completions/fairmatch.

_fairmatch() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi

  local commands="plan check scores simulate synth import init diff explain send"
  local config_opts="--config --set"

  # The subcommand (and for import, its kind) is the first non-option word.
  local cmd="" kind="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      -*) ;;
      *)
        if [[ -z $cmd ]]; then
          cmd=${words[i]}
        elif [[ $cmd == import && -z $kind ]]; then
          kind=${words[i]}
        fi
        ;;
    esac
  done

  case $prev in
    --config | --mapping)
      COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
      compopt -o filenames 2>/dev/null
      return
      ;;
    --out | --schedule)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return
      ;;
    --format)
      if [[ $cmd == diff ]]; then
        COMPREPLY=($(compgen -W "text csv json" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "all json csv html json,csv,html" -- "$cur"))
      fi
      return
      ;;
    --set)
      COMPREPLY=($(compgen -W "weights.values= weights.benefit= min_score=
        meetings.min= meetings.max= group_size= objective.fairness=
        employers.min_meetings= employers.max_consecutive= seed=" -- "$cur"))
      compopt -o nospace 2>/dev/null
      return
      ;;
    --threads | --seed | --attendees | --employers | --slots | --attendee | --employer)
      return
      ;;
  esac

  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi

  local opts=""
  case $cmd in
    plan) opts="$config_opts --out --format --threads --timings --quiet -q --help" ;;
    check) opts="$config_opts --help" ;;
    scores) opts="$config_opts --out --help" ;;
    simulate) opts="$config_opts --out --seed --help" ;;
    synth) opts="--attendees --employers --slots --seed --requirements --wishes --help" ;;
    init) opts="--help" ;;
    diff) opts="--format --out --help" ;;
    explain) opts="$config_opts --attendee --employer --schedule --help" ;;
    send) opts="--send --smtp --from --from-name --to-one --templates --rate --retries --backoff --threads --quiet -q --help" ;;
    import)
      if [[ -z $kind ]]; then
        COMPREPLY=($(compgen -W "attendees employers --help" -- "$cur"))
        return
      fi
      opts="--mapping --out --quiet -q --help"
      ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case $cmd in
    import)
      COMPREPLY=($(compgen -f -X '!*.@(csv|CSV|txt|tsv)' -- "$cur") $(compgen -d -- "$cur"))
      ;;
    check)
      COMPREPLY=($(compgen -f -- "$cur"))
      ;;
    diff)
      COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
      ;;
    *)
      COMPREPLY=($(compgen -d -- "$cur"))
      ;;
  esac
  compopt -o filenames 2>/dev/null
}

complete -F _fairmatch fairmatch
