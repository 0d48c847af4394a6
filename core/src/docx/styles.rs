//! styles.xml: style names, outline levels, bold and size through the basedOn chain.
