# Officials write dates as dd/mm/yyyy in both languages; Django's own "vi" formats use dashes.
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%H:%M %d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
